import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Mustache
import NIOCore
import RevtrackCore
import RevtrackFacts
import RevtrackRender
import RevtrackStorage
import RevtrackStory

/// `revtrack serve`: the archive in a browser, its changes as Atom feeds, the
/// CLI's JSON under `/api/`. Read-only: no route writes to the repository,
/// and each request reads it anew, so a revision `watch` stores in another
/// process shows on the next request. Every page is rendered by a template
/// that escapes what it is given; pages carry a Content-Security-Policy that
/// allows no script at all.
public struct WebServer: Sendable {
    public struct Configuration: Sendable {
        public var host = "127.0.0.1"
        public var port = 8080
        /// The address feeds and notifications link to; default `http://HOST:PORT`.
        public var baseURL: String?
        public init() {}
    }

    let archive: Archive
    let configuration: Configuration
    let templates: MustacheLibrary

    public init(repository: RepositoryLocation, configuration: Configuration) async throws {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates").path else {
            throw StoryError("the web view's templates are missing from this build")
        }
        self.templates = try await MustacheLibrary(directory: folder)
        self.archive = Archive(repository)
        self.configuration = configuration
        _ = try repository.open()   // a missing repository is an error now, not on the first request
    }

    /// Starts serving in a task and returns once it listens: the port bound
    /// (port 0 picks a free one) and the task, which a caller cancels to stop it.
    public func start() async throws -> (port: Int, task: Task<Void, any Error>) {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let task = Task { try await run(onListening: { continuation.yield($0); continuation.finish() }) }
        for await port in ports { return (port, task) }
        try await task.value
        throw StoryError("the web view stopped before it listened")
    }

    /// Serves until the process ends. `onListening` gets the port bound.
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        // The CLI says itself where it serves; the framework speaks up for warnings only.
        var logger = Logger(label: "revtrack")
        logger.logLevel = .warning
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "revtrack"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        // The index reads every track's history once; start on it before the first visitor.
        let archive = self.archive
        Task.detached(priority: .background) { _ = try? archive.tracks() }
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: PageHeaders(errorPage: { status, message in
            self.page("notfound", NotFound(title: status == .notFound ? "Not found" : "Bad request", message: message), status: status)
        }))
        router.get("/") { request, _ in try self.index(request) }
        router.get("/static/style.css") { _, _ in Self.stylesheet }
        router.get("/t/**") { _, context in try self.trackOrRevision(context.parameters.getCatchAll()) }
        router.get("/diff") { request, _ in try self.diffPage(request) }
        router.get("/compare/:story") { _, context in try self.comparePage(try context.parameters.require("story")) }
        router.get("/changes") { request, _ in try self.changesPage(request) }
        router.get("/feeds/changes.atom") { request, _ in try self.feed(title: "revtrack: latest changes", path: "/feeds/changes.atom", under: nil, request) }
        router.get("/feeds/t/**") { request, context in
            let path = context.parameters.getCatchAll().joined(separator: "/")
            guard path.hasSuffix(".atom") else { throw HTTPError(.notFound) }
            let track = String(path.dropLast(5))
            let name = try self.archive.location.open().resolveTrack(track).rawValue
            return try self.feed(title: "revtrack: \(name)", path: "/feeds/t/\(Untrusted.path(name)).atom", under: name, request, exact: true)
        }
        router.get("/feeds/s/:story") { request, context in
            let file = try context.parameters.require("story")
            guard file.hasSuffix(".atom") else { throw HTTPError(.notFound) }
            let story = String(file.dropLast(5))
            return try self.feed(title: "revtrack: story \(story)", path: "/feeds/s/\(Untrusted.path(story)).atom", under: story + "/", request)
        }
        router.get("/api/tracks") { request, _ in
            let page = Self.page(request)
            let (entries, _) = try self.archive.tracksWithChanges(matching: request.uri.queryParameters.get("q"),
                                                                  offset: (page - 1) * Self.tracksPerPage, limit: Self.tracksPerPage)
            return try self.json(entries.map(API.Track.init))
        }
        router.get("/api/t/**") { _, context in
            let track = context.parameters.getCatchAll().joined(separator: "/")
            return try self.json(try self.archive.changes(of: track).map(API.Change.init))
        }
        router.get("/api/changes") { request, _ in
            let (kinds, page) = try Self.changeQuery(request)
            return try self.json(try self.archive.latestChanges(kinds: kinds, offset: (page - 1) * Self.pageSize, limit: Self.pageSize).map(API.Change.init))
        }
        router.get("/api/diff") { request, _ in
            let (old, new, diff) = try self.diff(request)
            let facts = diff.facts.map { FactSection($0, links: diff.factLinks) }
            let outlets = diff.outlets.map { AlignmentView($0, oldLabel: old.revision?.spec ?? old.label, newLabel: new.revision?.spec ?? new.label) }
            return Self.response(try JSONDiffRenderer.render(diff.comparison, old: Self.side(old), new: Self.side(new), facts: facts,
                                                             hidden: diff.hiddenChanges, outlets: outlets), type: "application/json")
        }
        router.get("/api/compare/:story") { _, context in
            let story = try context.parameters.require("story")
            let comparison = try StoryComparison.load(story, store: try self.archive.location.open())
            return Self.response(try StoryComparisonRenderer.json(StoryTable(comparison, story: story)), type: "application/json")
        }
        return router
    }

    static let pageSize = 50

    // MARK: Pages

    /// Tracks an index page lists: a page of 10,000 rows helps no reader and costs a second to build.
    static let tracksPerPage = 100

    static func page(_ request: Request) -> Int { max(1, request.uri.queryParameters.get("page").flatMap { Int($0) } ?? 1) }

    func index(_ request: Request) throws -> Response {
        let query = request.uri.queryParameters.get("q") ?? ""
        let page = Self.page(request)
        let (entries, total) = try archive.tracksWithChanges(matching: query, offset: (page - 1) * Self.tracksPerPage, limit: Self.tracksPerPage)
        return self.page("index", Views.index(entries, query: query, page: page, total: total, perPage: Self.tracksPerPage))
    }

    func trackOrRevision(_ segments: [Substring]) throws -> Response {
        guard let last = segments.last else { throw HTTPError(.notFound) }
        if last.hasPrefix("@"), let number = Int(last.dropFirst()), segments.count > 1 {
            return try revisionPage(segments.dropLast().joined(separator: "/"), number: number)
        }
        let store = try archive.location.open()
        let name = try store.resolveTrack(segments.joined(separator: "/"))
        let changes = try archive.changes(of: name.rawValue)
        let history = try archive.storyHistory(of: name.rawValue)
        return page("track", Views.track(name.rawValue, changes: changes, referents: history.facts.referents))
    }

    func revisionPage(_ track: String, number: Int) throws -> Response {
        let store = try archive.location.open()
        let revision = try store.resolve(track + "@\(number)")
        let all = try archive.revisions(of: revision.track.rawValue)
        let (revisions, history) = try StoryHistory.blame(revision.spec, store: store)
        let filter = try StoryHistory.filter(for: revision.track, store: store)
        let facts = FactExtractor.extract(from: history.latest, reference: ReferenceDay.of(revisions[revisions.count - 1]))
        return page("revision", Views.revision(revision, all: all, history: history, facts: facts, hiding: filter.ignores))
    }

    func diff(_ request: Request) throws -> (TextSource, TextSource, StoryDiff) {
        guard let oldSpec = request.uri.queryParameters.get("old"), let newSpec = request.uri.queryParameters.get("new") else {
            throw HTTPError(.badRequest, message: "a diff needs old= and new= revisions")
        }
        let diff = try archive.diff(oldSpec, newSpec)
        return (diff.old, diff.new, diff)
    }

    func diffPage(_ request: Request) throws -> Response {
        let (old, new, diff) = try diff(request)
        let query = "old=" + Untrusted.query(old.revision!.spec) + "&new=" + Untrusted.query(new.revision!.spec)
        return page("diff", Views.diff(diff, old: old, new: new, query: query))
    }

    func comparePage(_ story: String) throws -> Response {
        let comparison = try StoryComparison.load(story, store: try archive.location.open())
        return page("compare", Views.compare(comparison, story: story))
    }

    static func changeQuery(_ request: Request) throws -> (Set<EditKind>?, Int) {
        let kind = request.uri.queryParameters.get("kind")
        let page = Self.page(request)
        guard let kind, !kind.isEmpty else { return (nil, page) }
        guard let parsed = EditKind(rawValue: kind) else { throw HTTPError(.badRequest, message: "unknown kind '\(kind)'") }
        return ([parsed], page)
    }

    func changesPage(_ request: Request) throws -> Response {
        let (kinds, page) = try Self.changeQuery(request)
        let found = try archive.latestChanges(kinds: kinds, offset: (page - 1) * Self.pageSize, limit: Self.pageSize + 1)
        return self.page("changes", Views.changes(Array(found.prefix(Self.pageSize)), kind: kinds?.first?.rawValue, page: page,
                                                  more: found.count > Self.pageSize))
    }

    func feed(title: String, path: String, under prefix: String?, _ request: Request, exact: Bool = false) throws -> Response {
        let base = configuration.baseURL ?? "http://" + (request.head.authority ?? "\(configuration.host):\(configuration.port)")
        let changes = try archive.latestChanges(under: prefix, offset: 0, limit: Self.pageSize)
            .filter { !exact || $0.revision.track.rawValue == prefix }
        let rendered = templates.render(Views.feed(title: title, path: path, base: base, changes: changes), withTemplate: "feed") ?? ""
        return Self.response(rendered, type: "application/atom+xml; charset=utf-8")
    }

    // MARK: Responses

    struct NotFound { let title: String; let message: String }

    func page(_ template: String, _ model: Any, status: HTTPResponse.Status = .ok) -> Response {
        let html = templates.render(model, withTemplate: template) ?? ""
        var response = Self.response(html, type: "text/html; charset=utf-8")
        response.status = status
        return response
    }

    func json<T: Encodable>(_ value: T) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Self.response(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n", type: "application/json")
    }

    static func response(_ body: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func side(_ source: TextSource) -> DiffSide {
        guard let revision = source.revision else { return DiffSide(spec: source.label, file: source.label) }
        return DiffSide(spec: revision.spec, id: revision.id.hex, track: revision.track.rawValue,
                        captured: CaptureTime.format(revision.captured), title: revision.title)
    }

    static var stylesheet: Response {
        var response = response(Stylesheet.css, type: "text/css; charset=utf-8")
        response.headers[.cacheControl] = "max-age=3600"
        return response
    }
}

/// Headers every answer carries, and errors as pages: what a user can get
/// wrong (an unknown track or revision, a bad query) is a 404 or 400 page,
/// never a 500.
struct PageHeaders<Context: RequestContext>: RouterMiddleware {
    let errorPage: @Sendable (HTTPResponse.Status, String) -> Response

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            response = errorPage(.notFound, "No page at this address.")
        } catch let error as HTTPError where error.status == .badRequest {
            response = errorPage(.badRequest, error.body ?? "Bad request.")
        } catch let error as StorageError {
            response = errorPage(.notFound, Untrusted.text("\(error)"))
        } catch let error as StoryError {
            response = errorPage(.notFound, Untrusted.text(error.description))
        }
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }
}
