import ArgumentParser
import RevtrackStory
import RevtrackStorage

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create an empty revtrack repository.")

    @OptionGroup var repository: RepositoryOptions

    func run() throws {
        _ = try RevisionStore.create(at: repository.location.path)
        print("created revtrack repository at \(repository.location.path)")
    }
}
