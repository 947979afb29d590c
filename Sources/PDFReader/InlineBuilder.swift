import DossierModel

/// The lines of a block → its plain text and inlines: bold and italic runs as strong and emphasis, link areas
/// as links, line ends as soft breaks, typesetter hyphens at line ends removed.
struct InlineBuilder {
    var hyphenation: Hyphenation

    private struct Style: Equatable {
        var bold: Bool
        var italic: Bool
        var link: String?
    }

    private struct Token {
        var text: String
        var style: Style
        /// What separates it from the token before: "", " " or "\n".
        var separator: String
    }

    /// Text and inlines of `lines`, without the first `skipWords` words (a list marker); `joinLines` sets a space,
    /// not a soft break, between lines.
    func build(_ lines: [TextLine], skipWords: Int = 0, skipFirstScalar: Bool = false, joinLines: Bool = false) -> (text: String, inlines: [Inline]) {
        var tokens: [Token] = []
        var pendingSeparator = ""
        var skipped = 0
        // Labels printed to the right of a line (dates in a right-hand column) go to the end of the block.
        var trailingLabels: [Word] = []
        let lines = lines.enumerated().map { index, line -> [Word] in
            let start = line.mainX0
            var words = line.words.filter { !($0.isLabel && $0.rect.x0 > start) }
            trailingLabels += line.words.filter { $0.isLabel && $0.rect.x0 > start }
            // "… a prediction al-      June 2005 – Aug 2007" / "gorithm": the date flush right goes to the end.
            if index + 1 < lines.count, let cut = InlineBuilder.flushRightCut(words),
               lines[index + 1].words.first?.text.first?.isLowercase == true {
                trailingLabels += words[cut...]
                words.removeSubrange(cut...)
            }
            return words
        }.filter { !$0.isEmpty } + (trailingLabels.isEmpty ? [] : [trailingLabels])
        for (lineIndex, words) in lines.enumerated() {
            for (wordIndex, word) in words.enumerated() {
                if skipped < skipWords {
                    skipped += 1
                    continue
                }
                var glyphs = word.glyphs[...]
                // While the glyphs are the whole word, their text is the word's own (made once, with the word).
                var wholeWord = true
                if skipFirstScalar, tokens.isEmpty, lineIndex == 0, wordIndex == 0 {
                    glyphs = glyphs.dropFirst()
                    wholeWord = false
                }
                let text0 = wholeWord ? word.text : GlyphText.text(glyphs)
                var text = text0
                let isLineEnd = wordIndex == words.count - 1
                var separatorAfter = isLineEnd && !joinLines ? "\n" : " "
                if isLineEnd, lineIndex + 1 < lines.count, let nextWord = lines[lineIndex + 1].first, !nextWord.isLabel {
                    if word.endsInSoftHyphen {
                        separatorAfter = ""
                    } else if text.count >= 2, text.hasSuffix("-"), text.dropLast().last?.isLetter == true {
                        if hyphenation.joins(head: text, tail: nextWord.text) { text.removeLast() }
                        separatorAfter = ""
                    }
                }
                if text != text0, glyphs.count > 1 {
                    glyphs = glyphs.dropLast()
                    wholeWord = false
                }
                var separator = tokens.isEmpty ? "" : pendingSeparator
                let styled = segments(glyphs)
                for (slice, style) in styled {
                    let piece = wholeWord && styled.count == 1 ? word.text : GlyphText.text(slice)
                    guard !piece.isEmpty else { continue }
                    tokens.append(Token(text: piece, style: style, separator: separator))
                    separator = ""
                }
                pendingSeparator = separatorAfter
            }
        }
        return assemble(tokens)
    }

    /// Where a line ending in a hyphenated word is followed, after a wide gap, by text set flush right.
    static func flushRightCut(_ words: [Word]) -> Int? {
        guard words.count >= 2 else { return nil }
        for index in stride(from: words.count - 1, to: 0, by: -1) {
            let gap = words[index].rect.x0 - words[index - 1].rect.x1
            guard gap > 2 * max(words[index].size, 1) else { continue }
            let head = words[index - 1].text
            return head.count >= 2 && head.hasSuffix("-") && head.dropLast().last?.isLetter == true ? index : nil
        }
        return nil
    }

    /// Runs of glyphs of one style inside a word ("P." bold, "," not).
    private func segments(_ glyphs: ArraySlice<Glyph>) -> [(ArraySlice<Glyph>, Style)] {
        var result: [(ArraySlice<Glyph>, Style)] = []
        var start = glyphs.startIndex
        var current: Style?
        for index in glyphs.indices {
            let glyph = glyphs[index]
            let style = Style(bold: glyph.font.bold, italic: glyph.font.italic, link: glyph.link)
            if let current, style != current {
                result.append((glyphs[start..<index], current))
                start = index
            }
            current = style
        }
        if let current, start < glyphs.endIndex { result.append((glyphs[start...], current)) }
        return result
    }

    private func assemble(_ tokens: [Token]) -> (text: String, inlines: [Inline]) {
        let allBold = !tokens.isEmpty && tokens.allSatisfy(\.style.bold)
        let allItalic = !tokens.isEmpty && tokens.allSatisfy(\.style.italic)
        var inlines: [Inline] = []
        var text = ""
        var run = ""
        var runStyle: Style?
        func closeRun() {
            if let style = runStyle, !run.isEmpty {
                let made = inline(run, style)
                if made.type == .text { appendPlain(made.text, to: &inlines) } else { inlines.append(made) }
            }
            run = ""
            runStyle = nil
        }
        for token in tokens {
            var style = token.style
            if allBold { style.bold = false }
            if allItalic { style.italic = false }
            text += token.separator + token.text
            if token.separator == "\n" {
                closeRun()
                inlines.append(Inline(.softbreak, text: "\n"))
            } else if style != runStyle {
                closeRun()
                if !token.separator.isEmpty { appendPlain(token.separator, to: &inlines) }
            } else {
                run += token.separator
            }
            runStyle = style
            run += token.text
        }
        closeRun()
        return (text, inlines)
    }

    private func appendPlain(_ string: String, to inlines: inout [Inline]) {
        if let last = inlines.last, last.type == .text {
            inlines[inlines.count - 1].text += string
        } else {
            inlines.append(.text(string))
        }
    }

    private func inline(_ text: String, _ style: Style) -> Inline {
        var result = Inline.text(text)
        if style.italic { result = Inline(.emphasis, text: text, children: [result]) }
        if style.bold { result = Inline(.strong, text: text, children: [result]) }
        if let url = style.link { result = Inline(.link, text: text, url: url, children: [result]) }
        return result
    }
}
