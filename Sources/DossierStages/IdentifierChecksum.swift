/// Check digits of the identifiers that have them: ORCID (ISO 7064 MOD 11-2) and ISBN-10/13.
enum IdentifierChecksum {
    /// True for a well-formed ORCID iD (`0000-0002-1825-0097`) whose last character is its MOD 11-2 check digit.
    static func isValidORCID(_ orcid: String) -> Bool {
        let characters = Array(orcid.uppercased().filter { $0 != "-" })
        guard characters.count == 16, characters.dropLast().allSatisfy(\.isASCIIDigit), let last = characters.last else {
            return false
        }
        var total = 0
        for character in characters.dropLast() {
            total = (total + (character.wholeNumberValue ?? 0)) * 2
        }
        let result = (12 - total % 11) % 11
        let expected: Character = result == 10 ? "X" : Character(String(result))
        return last == expected
    }

    /// True for an ISBN-10 or ISBN-13 (hyphens and spaces ignored) whose check digit is right.
    static func isValidISBN(_ isbn: String) -> Bool {
        let characters = Array(compactISBN(isbn))
        if characters.count == 10 {
            guard characters.dropLast().allSatisfy(\.isASCIIDigit), let last = characters.last,
                last.isASCIIDigit || last == "X"
            else { return false }
            var sum = 0
            for (index, character) in characters.enumerated() {
                let value = character == "X" ? 10 : (character.wholeNumberValue ?? 0)
                sum += (10 - index) * value
            }
            return sum % 11 == 0
        }
        if characters.count == 13 {
            guard characters.allSatisfy(\.isASCIIDigit), characters.starts(with: ["9", "7"]) else { return false }
            var sum = 0
            for (index, character) in characters.enumerated() {
                sum += (index % 2 == 0 ? 1 : 3) * (character.wholeNumberValue ?? 0)
            }
            return sum % 10 == 0
        }
        return false
    }

    /// The ISBN without hyphens and spaces, with an uppercase X.
    static func compactISBN(_ isbn: String) -> String {
        String(isbn.uppercased().filter { $0.isASCIIDigit || $0 == "X" })
    }
}

extension Character {
    /// An ASCII digit 0–9 (not any Unicode number).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
