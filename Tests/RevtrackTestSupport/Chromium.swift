import Foundation

/// Headless Chromium, which `scripts/install-deps.sh --browser` installs: the
/// browser tests of the HTML report and the web view.
public enum Chromium {
    public static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile)

    /// The DOM the browser builds for a page (`--dump-dom`), scripts run if the page let them.
    public static func dom(_ url: String, profile: String) throws -> String {
        try runProcess(path!, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)", "--dump-dom", url]).output
    }
}
