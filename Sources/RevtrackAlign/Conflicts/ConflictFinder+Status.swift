import RevtrackFacts
import RevtrackText

/// Status: whether the event is over, ahead or still going, which two
/// captures hours apart may tell differently and both be right.
extension ConflictFinder {
    enum Aspect { case done, ahead }

    /// One says the event is over ("has ended", "has been lifted", "shut
    /// down"), the other that it is still ahead or under way ("will wind
    /// down", "remains in force", "is concluding"). A sentence that says both
    /// in different clauses says neither. The two must speak of one thing:
    /// the words around the two verbs share a word that says something
    /// ("has won the governorship" is no answer to "is pressing for a recount").
    ///
    /// News moves on between captures: "will vote on Tuesday" in the morning
    /// and "has approved" in the afternoon tell one story. When the text that
    /// puts the event ahead was captured first, the two disagree only if it
    /// dates the event after the later capture's day ("would be certified on
    /// April 30" against "have been certified" on April 22).
    static func status(_ old: SentenceWords, _ new: SentenceWords, facts: (old: [Fact], new: [Fact]) = ([], []),
                       reference: (old: CivilDate, new: CivilDate)? = nil, oldCapturedFirst: Bool? = nil) -> OutletAlignment.Conflict? {
        guard let a = aspect(old), let b = aspect(new), a.aspect != b.aspect,
              !a.around.isDisjoint(with: b.around) else { return nil }
        if let oldCapturedFirst, let reference, oldCapturedFirst == (a.aspect == .ahead) {
            let (planned, laterDay) = oldCapturedFirst ? (facts.old, reference.new) : (facts.new, reference.old)
            guard planned.contains(where: { ($0.days?.lowerBound ?? .min) > laterDay.dayNumber }) else { return nil }
        }
        return .init(kind: .status, old: a.words, new: b.words)
    }

    static func aspect(_ sentence: SentenceWords) -> (aspect: Aspect, words: String, around: Set<String>)? {
        let words = sentence.lower
        var done: (words: String, at: Int)? = nil, ahead: (words: String, at: Int)? = nil
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : ""
            let after = index + 2 < words.count ? words[index + 2] : ""
            // Past an auxiliary's adverbs: "has also ended", "would be formally certified".
            func isAdverb(_ word: String) -> Bool { Self.adverbs.contains(word) || word.count >= 5 && word.hasSuffix("ly") }
            var at = index + 1
            while at < words.count, isAdverb(words[at]) { at += 1 }
            func following(_ offset: Int) -> String {
                // "has now been formally certified": adverbs after "been" and "be" too.
                var position = at
                for _ in 0..<offset {
                    position += 1
                    while position < words.count, isAdverb(words[position]) { position += 1 }
                }
                return position < words.count ? words[position] : ""
            }
            switch word {
            case "has", "have":
                // "has ended", "has been lifted", "has also ended"; not "has to", "have a",
                // nor a state that lasts ("has stayed above 8%", "has remained in force").
                let passive = following(0) == "been"
                let (participle, then) = passive ? (following(1), following(2)) : (following(0), following(1))
                guard participle.hasSuffix("ed") || irregularParticiples.contains(participle),
                      !["stayed", "remained", "continued", "kept"].contains(participle), !lasting.contains(then),
                      // "have been forced to take strike action", "has agreed to pay": what is done is the
                      // forcing or the agreeing, not the strike or the payment.
                      !(then == "to" && Self.controlVerbs.contains(participle)) else { break }
                done = done ?? (passive ? "\(word) been \(participle)" : "\(word) \(participle)", index)
            case "will", "would":
                // "will wind down", "would be formally certified"; not "would be difficult",
                // nor how long a state lasts ("will run until March 28").
                if after == "until" || after == "till" { break }
                if next.count > 2, !["be", "have", "not"].contains(next) || after.hasSuffix("ing") {
                    ahead = ahead ?? ("\(word) \(next)", index)
                } else if following(0) == "be", following(1).hasSuffix("ed") || irregularParticiples.contains(following(1)) {
                    ahead = ahead ?? ("\(word) be \(following(1))", index)
                }
            case "remains", "remain", "continues", "continue":
                // "remains in force", "remains closed", "continues to fly".
                if next == "in" || next == "to" || next == "under" || next.hasSuffix("ing") || next.hasSuffix("ed") || ["shut", "open"].contains(next) {
                    ahead = ahead ?? ("\(word) \(next)", index)
                }
            case "is", "are":
                // "is concluding"; "is expected to reopen", "are due to resume".
                if next.hasSuffix("ing"), next.count > 5 { ahead = ahead ?? ("\(word) \(next)", index) }
                else if ["expected", "due", "set", "scheduled"].contains(next), after == "to" { ahead = ahead ?? ("\(word) \(next) to", index) }
            default: break
            }
        }
        switch (done, ahead) {
        // An auxiliary's verb and object follow it: "has been rubber-stamped by the commission".
        case (let found?, nil): return (.done, found.words, sentence.meaning(around: found.at, after: 6))
        case (nil, let found?): return (.ahead, found.words, sentence.meaning(around: found.at, after: 6))
        default: return nil
        }
    }

    /// Participles that put another verb ahead of them ("forced to", "agreed to").
    private static let controlVerbs: Set<String> = [
        "forced", "asked", "urged", "told", "allowed", "ordered", "permitted", "agreed", "decided", "planned", "promised",
        "pledged", "vowed", "expected", "scheduled", "invited", "encouraged", "obliged", "required", "compelled", "chosen",
        "tried", "attempted", "offered", "threatened", "proposed",
    ]

    // MARK: Ended or still in place

    /// What a sentence says of a state of things: that it was ended ("the
    /// union lifted its overtime ban", "released without charge", "dropped
    /// from the plan"), that an operation was stopped ("was shut down",
    /// "suspended its buyback"), or that it is still in place ("remains in
    /// force", "is still running", "still in custody", "intends to continue",
    /// "not yet completed") or still stopped ("remain suspended").
    enum Persistence: Equatable { case ended, stopped, persists(running: Bool) }

    /// An ended or stopped state against one still in place: "lifted its
    /// overtime ban" / "the overtime ban remains in force"; "was shut down on
    /// Monday" / "is still running". A stop agrees with a state still stopped
    /// ("was shut down" / "remains closed"). The words around the two must
    /// meet, each sentence must say one thing only, and a state still in
    /// place in the earlier capture may have been ended by the later one.
    static func persistence(_ old: SentenceWords, _ new: SentenceWords, facts: (old: [Fact], new: [Fact]) = ([], []),
                            reference: (old: CivilDate, new: CivilDate)? = nil, oldCapturedFirst: Bool? = nil) -> OutletAlignment.Conflict? {
        guard let a = persistence(in: old), let b = persistence(in: new) else { return nil }
        func clash(_ x: Persistence, _ y: Persistence) -> Bool {
            switch (x, y) {
            case (.ended, .persists): true
            case (.stopped, .persists(let running)): running
            default: false
            }
        }
        // Of one thing: the words around the two verbs, or the sentences' subjects ("The ship's captain …
        // was released" / "Police say the ship's captain is still in custody").
        func about(_ sentence: SentenceWords, _ at: Int) -> Set<String> {
            sentence.meaning(around: at, after: 6).union(sentence.subject(5))
        }
        guard clash(a.kind, b.kind) || clash(b.kind, a.kind), !about(old, a.at).isDisjoint(with: about(new, b.at)) else { return nil }
        // Still in place when first captured, ended by the later capture: news moved on, unless the
        // ending is dated before the first capture ("lifted its overtime ban last week").
        if let oldCapturedFirst, let reference, case .persists = oldCapturedFirst ? a.kind : b.kind {
            let (endedFacts, firstDay) = oldCapturedFirst ? (facts.new, reference.old) : (facts.old, reference.new)
            guard endedFacts.contains(where: { ($0.days?.upperBound ?? .max) < firstDay.dayNumber }) else { return nil }
        }
        return .init(kind: .status, old: a.words, new: b.words)
    }

    static func persistence(in sentence: SentenceWords) -> (kind: Persistence, words: String, at: Int)? {
        let words = sentence.lower
        var found: [(kind: Persistence, words: String, at: Int)] = []
        for (index, word) in words.enumerated() {
            let previous = index > 0 ? words[index - 1] : "", next = index + 1 < words.count ? words[index + 1] : ""
            // "finished ninth", "closed down 3%": a place or a level, not an ending.
            func level() -> Bool {
                ReferentTerms.numberValue(next) != nil || ReferentTerms.ordinalValue(next) != nil
                    || ["up", "down", "higher", "lower", "at"].contains(next) && index + 2 < words.count && ReferentTerms.numberValue(words[index + 2]) != nil
            }
            let phrasal = phrasalEndings.contains(word + " " + next)
            if endingVerbs.contains(word) || stoppingVerbs.contains(word) || phrasal, !settledBefore.contains(previous), !level() {
                // "lifted its main rate", "prices dropped": a verb that ends a state ends one only with a thing that lasts;
                // the words around it, met in the other sentence, say which.
                let auxiliary = ["was", "were", "had", "has", "have", "been"].contains(previous) ? previous + " " : ""
                let particle = ["down", "off", "out"].contains(next) ? " " + next : ""
                found.append((endingVerbs.contains(word) || phrasal ? .ended : .stopped, auxiliary + word + particle, index))
                continue
            }
            switch word {
            case "remain", "remains", "remained", "still":
                var at = index + 1
                while at < words.count, ["is", "are", "was", "were", "be"].contains(words[at]) { at += 1 }
                guard at < words.count else { break }
                let state = words[at]
                // "in force", "in the budget", "on bond": the place it stays in.
                var place = at + 1
                while place < words.count, ["the", "its", "their", "a"].contains(words[place]) { place += 1 }
                let shown = word + " " + state + (["in", "on"].contains(state) && place < words.count ? " " + words[place] : "")
                if stoppedStates.contains(state) { found.append((.persists(running: false), shown, index)) }
                else if runningStates.contains(state) || state.hasSuffix("ing") && state.count > 5 {
                    found.append((.persists(running: true), shown, index))
                }
            case "continue", "continues":
                if next == "to" || ["the", "its", "their", "his", "her", "our", "this", "that"].contains(next) || next.hasSuffix("ing") {
                    found.append((.persists(running: true), word + " " + next, index))
                }
            case "yet":
                // "has not yet been completed", "is yet to be handed over".
                if previous == "not" || next == "to" { found.append((.persists(running: true), previous == "not" ? "not yet" : "yet to", index)) }
            default: break
            }
        }
        guard let first = found.first, found.allSatisfy({ $0.kind == first.kind }) else { return nil }
        return (first.kind, first.words, first.at)
    }

    /// Words before a participle that make it a state or a plan, not an ending: "remains closed", "to be lifted".
    private static let settledBefore: Set<String> = ["remain", "remains", "remained", "still", "yet", "not", "to", "be", "will", "would", "is", "are"]

    /// Past forms of verbs that end a state of things: a ban, a detention, a plan, a review.
    private static let endingVerbs: Set<String> = [
        "lifted", "ended", "scrapped", "dropped", "cancelled", "canceled", "released", "completed", "finished", "withdrawn",
        "withdrew", "abandoned", "concluded", "expired", "lapsed", "resumed", "reopened", "revoked", "rescinded", "repealed",
        "overturned", "freed", "discharged", "resigned",
    ]
    /// Verbs with their particle that end a tenure or a plan as "resigned" and "cancelled" do.
    private static let phrasalEndings: Set<String> = ["stepped down", "stood down", "called off"]
    /// Past forms of verbs that stop an operation: a plant, a service, a programme.
    private static let stoppingVerbs: Set<String> = ["shut", "closed", "suspended", "halted", "stopped", "paused", "grounded"]
    /// What a thing still stopped is: "remains suspended", "still closed".
    private static let stoppedStates: Set<String> = ["closed", "shut", "suspended", "halted", "banned", "off", "paused", "grounded", "stopped"]
    /// What a thing still in place is: "remains in force", "still running", "remain free".
    private static let runningStates: Set<String> = [
        "in", "on", "open", "free", "active", "valid", "running", "operating", "working", "standing", "held", "detained", "there",
    ]

    /// Adverbs that may stand between an auxiliary and its participle ("has also ended").
    private static let adverbs: Set<String> = ["also", "already", "now", "since", "just", "finally", "officially", "formally", "quietly", "largely"]

    /// Words after a participle that make it a lasting state: "has stayed above", "has been in place".
    private static let lasting: Set<String> = ["above", "below", "at", "near", "around", "steady", "unchanged", "in", "on", "since", "for"]

    static let irregularParticiples: Set<String> = [
        "shut", "left", "begun", "ended", "gone", "done", "closed", "lifted", "withdrawn", "taken", "won", "lost", "held",
        "broken", "struck", "fallen", "risen", "made", "paid", "sold", "cut", "set", "put", "quit", "met", "sent", "spent",
    ]
}
