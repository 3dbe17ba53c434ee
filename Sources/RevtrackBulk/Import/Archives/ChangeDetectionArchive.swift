import Foundation

/// A changedetection.io datastore: `url-watches.json` lists the watches
/// (uuid → url, title); each watch's folder has `history.txt`, lines of
/// `unix-time,snapshot-file`, and the snapshots. A watch becomes the track
/// `PREFIX/host-path`. Plain-text snapshots are read; brotli-compressed ones
/// (`.br`, newer versions) are reported as bad records.
final class ChangeDetectionArchive: RecordSource {
    private var pending: [Result<ImportSourceRecord, ImportSourceRecord.Bad>] = []
    private var watches: [(uuid: String, url: String?, title: String?)]
    private let folder: String
    private let prefix: String
    private var counter = 0

    init(folder: String, prefix: String) throws {
        let index = folder + "/url-watches.json"
        guard let data = FileManager.default.contents(atPath: index),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let watching = object["watching"] as? [String: Any] else {
            throw Importer.Failure(description: "'\(folder)' is not a changedetection.io datastore (no readable url-watches.json with 'watching')")
        }
        watches = watching.keys.sorted().map { uuid in
            let watch = watching[uuid] as? [String: Any]
            return (uuid, watch?["url"] as? String, watch?["title"] as? String)
        }
        self.folder = folder
        self.prefix = prefix
    }

    func next() throws -> Result<ImportSourceRecord, ImportSourceRecord.Bad>? {
        while pending.isEmpty, !watches.isEmpty { load(watches.removeFirst()) }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    private func load(_ watch: (uuid: String, url: String?, title: String?)) {
        let base = folder + "/" + watch.uuid
        guard let history = try? String(contentsOfFile: base + "/history.txt", encoding: .utf8) else { return }
        let name: String
        if let url = watch.url.flatMap(URL.init(string:)), let host = url.host {
            name = Slug.make(host + url.path)
        } else {
            name = Slug.make(watch.uuid)
        }
        for line in history.split(separator: "\n") {
            counter += 1
            let parts = line.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let seconds = Double(parts[0]) else {
                pending.append(.failure(.init(line: counter, reason: "\(watch.uuid)/history.txt: '\(line)' is not 'time,snapshot'")))
                continue
            }
            let path = parts[1].hasPrefix("/") ? parts[1] : base + "/" + parts[1]
            if path.hasSuffix(".br") {
                pending.append(.failure(.init(line: counter, reason: "\(watch.uuid): \(parts[1]) is brotli-compressed; decompress the datastore's snapshots first")))
                continue
            }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                pending.append(.failure(.init(line: counter, reason: "\(watch.uuid): cannot read snapshot \(parts[1])")))
                continue
            }
            pending.append(.success(ImportSourceRecord(track: prefix + "/" + name, text: text, captured: Date(timeIntervalSince1970: seconds),
                                                       title: watch.title, url: watch.url, line: counter)))
        }
    }
}
