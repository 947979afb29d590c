import DossierText
import DossierModel
import Foundation
import ReferenceParser

/// A link of the applicant sorted by kind, with the identifier it carries (ORCID iD, Scholar user, GitHub login…).
struct ClassifiedLink: Sendable, Hashable {
    var kind: Link.Kind
    var url: String
    /// The identifier scheme (`orcid`, `scholar`, `github`, `linkedin`) and value, when the link is a profile.
    var identifier: (scheme: String, value: String)?

    static func == (lhs: ClassifiedLink, rhs: ClassifiedLink) -> Bool { lhs.kind == rhs.kind && lhs.url == rhs.url }
    func hash(into hasher: inout Hasher) { hasher.combine(kind); hasher.combine(url) }
}

/// Tells profile links (ORCID with a valid checksum, Google Scholar, GitHub user, LinkedIn) from other links.
enum ProfileLinkKinds {
    /// The link's kind; `.other` for anything that is not a profile (the caller decides about websites).
    /// Returns nil for what is not a web address (`mailto:`, `tel:`, anchors, bare text) and for ORCIDs with a
    /// wrong check digit.
    static func classify(_ rawURL: String) -> ClassifiedLink? {
        let url = withScheme(rawURL.trimmingFast(in: .whitespaces))
        let lower = url.lowercasedFast()
        if lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") || lower.hasPrefix("#") || lower.hasPrefix("javascript:") {
            return nil
        }
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), let components = URLComponents(string: url),
            let host = components.host?.lowercased(), FastText.contains(UInt8(ascii: "."), in: host)
        else { return nil }
        let path = components.path.split(separator: "/").map(String.init)
        if host.hasSuffix("orcid.org") {
            guard let id = path.first(where: { orcidShape.matches($0) })?.uppercased() else {
                return ClassifiedLink(kind: .other, url: url)
            }
            guard Identifiers.isValidORCID(id) else { return nil }
            return ClassifiedLink(kind: .orcid, url: "https://orcid.org/\(id)", identifier: ("orcid", id))
        }
        if host.hasPrefix("scholar.google.") {
            if let user = components.queryItems?.first(where: { $0.name == "user" })?.value, !user.isEmpty {
                return ClassifiedLink(kind: .scholar, url: url, identifier: ("scholar", user))
            }
            return ClassifiedLink(kind: .other, url: url)
        }
        if host == "github.com" || host == "www.github.com" {
            if path.count == 1, let login = path.first, !githubReserved.contains(login.lowercased()) {
                return ClassifiedLink(kind: .github, url: "https://github.com/\(login)", identifier: ("github", login))
            }
            return ClassifiedLink(kind: .other, url: url)
        }
        if host == "linkedin.com" || host.hasSuffix(".linkedin.com") {
            if path.count >= 2, path[0] == "in" || path[0] == "pub" {
                return ClassifiedLink(kind: .linkedin, url: url, identifier: ("linkedin", path[1]))
            }
            return ClassifiedLink(kind: .other, url: url)
        }
        return ClassifiedLink(kind: .other, url: url)
    }

    /// True for sites that are not a personal homepage (social networks, indexes, publishers).
    static func isThirdPartySite(_ url: String) -> Bool {
        guard let host = URLComponents(string: withScheme(url))?.host?.lowercased() else { return true }
        return thirdPartyHosts.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// `www.x.org` and `github.com/x` written without a scheme get `https://`.
    static func withScheme(_ url: String) -> String {
        let lower = url.lowercasedFast()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || FastText.contains(UInt8(ascii: ":"), in: lower) && !FastText.contains(UInt8(ascii: "."), in: lower) {
            return url
        }
        if lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") || lower.hasPrefix("#") { return url }
        if lower.hasPrefix("//") { return "https:" + url }
        return bareHost.matches(url) ? "https://" + url : url
    }

    private static let orcidShape = TextPattern(#"^\d{4}-\d{4}-\d{4}-\d{3}[\dXx]$"#)
    private static let bareHost = TextPattern(#"^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/|$)"#)
    private static let githubReserved: Set<String> = [
        "orgs", "sponsors", "topics", "about", "features", "marketplace", "explore", "settings", "login", "join",
        "pricing", "collections", "trending", "site", "security", "enterprise",
    ]
    private static let thirdPartyHosts = [
        "twitter.com", "x.com", "facebook.com", "instagram.com", "researchgate.net", "youtube.com", "youtu.be",
        "bsky.app", "medium.com", "semanticscholar.org", "dblp.org", "dblp.uni-trier.de", "scopus.com", "publons.com",
        "webofscience.com", "osf.io", "kaggle.com", "stackoverflow.com", "gitlab.com", "bitbucket.org",
        "huggingface.co", "doi.org", "arxiv.org", "pubmed.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov", "orcid.org",
        "github.com", "linkedin.com", "scholar.google.com", "mastodon.social", "threads.net", "tiktok.com",
        "academia.edu", "zenodo.org", "figshare.com", "wikipedia.org", "google.com", "bit.ly",
    ]
}
