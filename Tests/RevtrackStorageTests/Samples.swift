import RevtrackTestSupport

let reutersSample = try! sampleText("karabakh/reuters.txt")
let opinionSample = try! sampleText("karabakh/opinion.txt")
