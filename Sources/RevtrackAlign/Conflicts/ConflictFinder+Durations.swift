import RevtrackFacts
import RevtrackText

/// Durations: a length told against the dates another outlet gives, the
/// arithmetic a reader does not do.
extension ConflictFinder {
    /// A length one side gives against the span between two dates the other
    /// joins: "an eight-week public consultation" / "a public consultation,
    /// which ran from September 8 to December 1" (12 weeks). The two must be
    /// of one thing, by the words beside each, and the length outside the
    /// span's shortest and longest reading by more than `durationSlack`.
    static func span(_ old: SentenceWords, _ new: SentenceWords, _ facts: (old: [Fact], new: [Fact])) -> OutletAlignment.Conflict? {
        func check(_ lengthSide: SentenceWords, _ ownDates: [Fact], _ spanSide: SentenceWords, _ dates: [Fact]) -> (String, String)? {
            guard dates.filter({ $0.kind == .date }).count >= 2 else { return nil }
            let spans = Durations.spans(in: spanSide, dates: dates)
            guard spans.count == 1, let span = spans.first, Durations.spans(in: lengthSide, dates: ownDates).isEmpty else { return nil }
            let lengths = Durations.all(in: lengthSide)
            guard lengths.count == 1, let length = lengths.first,
                  !lengthSide.meaning(around: length.at).isDisjoint(with: spanSide.meaning(around: span.at, after: 8)) else { return nil }
            let days = length.years * 365.25
            let (shortest, longest) = (Double(span.days.lowerBound), Double(span.days.upperBound))
            // "the largest outbreak in over ten years" is no telling of six weeks of clinics.
            guard days <= longest * durationScale, days * durationScale >= shortest else { return nil }
            return days < shortest * (1 - durationSlack) - 1 || days > longest * (1 + durationSlack) + 1 ? (length.phrase, span.words) : nil
        }
        if let (length, span) = check(old, facts.old, new, facts.new) { return .init(kind: .duration, old: length, new: span) }
        if let (length, span) = check(new, facts.new, old, facts.old) { return .init(kind: .duration, old: span, new: length) }
        return nil
    }

    /// How far a duration may be from the time since a date, as a share of
    /// the duration: "nearly 70 years" is not 58, "half a century" is not 38.
    static let durationSlack = 0.15

    /// How many times longer one length may be than another and still be a
    /// telling of it: a week for three days, not three years for three hours.
    static let durationScale = 10.0

    /// A duration one side gives ("a two-year mission", "for half a century")
    /// against the time since a date the other gives ("deployed in the fall
    /// of 2020", "opened in 1987"), up to its capture day.
    static func duration(_ old: SentenceWords, _ new: SentenceWords, reference: (old: CivilDate, new: CivilDate)) -> OutletAlignment.Conflict? {
        func check(_ durationSide: SentenceWords, _ dateSide: SentenceWords, _ day: CivilDate) -> (String, String)? {
            guard let (years, phrase, at) = Durations.first(in: durationSide),
                  let (since, words, dateAt) = Durations.startYear(in: dateSide), Double(since) < Double(day.year) else { return nil }
            let elapsed = Double(day.year) + Double(day.month - 1) / 12 - since
            // Of one thing: "a two-year pay deal" says nothing of "the last strike in late 2019".
            guard !durationSide.meaning(around: at).isDisjoint(with: dateSide.meaning(around: dateAt)),
                  // "a 15-year contract … in 2017" / "fifteen years": the length is the thing's own, not the time since.
                  !Durations.all(in: dateSide).contains(where: { abs($0.years - years) <= 0.01 * years }) else { return nil }
            return abs(elapsed - years) > max(0.75, Self.durationSlack * years) ? (phrase, words) : nil
        }
        if let (phrase, words) = check(old, new, reference.new) { return .init(kind: .duration, old: phrase, new: words) }
        if let (phrase, words) = check(new, old, reference.old) { return .init(kind: .duration, old: words, new: phrase) }
        // One length each, told two ways: "lasted three days" / "the week-long strike".
        let a = Durations.all(in: old), b = Durations.all(in: new)
        // Lengths of one scale: "three hours of debate" is no other telling of "the first time in six years".
        let (longer, shorter) = (max(a.first?.years ?? 0, b.first?.years ?? 0), min(a.first?.years ?? 0, b.first?.years ?? 0))
        if a.count == 1, b.count == 1, longer > 1.25 * shorter, longer <= Self.durationScale * shorter {
            return .init(kind: .duration, old: a[0].phrase, new: b[0].phrase)
        }
        return nil
    }
}
