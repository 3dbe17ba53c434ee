import Foundation
import RevtrackCapture
import RevtrackStorage

extension PageProvenance {
    /// What a fetched page tells about itself, for meta.json.
    public init(_ captured: CapturedPage, requested: URL, selector: String?) {
        let final = captured.page.finalURL.flatMap { $0 == requested ? nil : $0.absoluteString }
        self.init(status: captured.page.status,
                  finalURL: final,
                  published: captured.article.published,
                  modified: captured.article.modified,
                  selector: selector)
    }
}
