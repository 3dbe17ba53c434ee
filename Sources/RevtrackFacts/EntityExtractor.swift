import RevtrackText

/// People (with their titles), places and organisations (with acronyms the
/// text defines), one fact per entity at its first mention. Rule-based: runs
/// of capitalized words are classified by title words, gazetteers and
/// organisation head words (data files in `Resources/`); a later surname,
/// acronym or short name is a mention of the entity, not a new one.
enum EntityExtractor {
    /// A run of capitalized words ("Russian Colonel General Yevgeny Nikiforov").
    private struct Run {
        let sentence: TokenizedSentence
        let first: Int, last: Int          // token indices, inclusive
        let words: [String]               // possessive 's removed
        var lowered: [String] { words.map { $0.lowercased() } }
    }


    /// The entities found so far and every name that refers to one.
    private struct Table {
        var entities: [Fact] = []
        /// Lowercased full name, surname, acronym or short name → entity.
        var index: [String: Int] = [:]

        mutating func add(_ kind: Fact.Kind, _ name: String, _ run: Run, _ first: Int, _ last: Int,
                          _ title: String?, _ acronym: String?) {
            let key = name.lowercased()
            if let existing = index[key] {
                if entities[existing].title == nil, let title { entities[existing].title = title }
                if entities[existing].acronym == nil, let acronym {
                    entities[existing].acronym = acronym
                    index[acronym.lowercased()] = existing
                }
                return
            }
            var fact = run.sentence.fact(kind, from: first, through: last)
            fact.value = name
            fact.title = title
            fact.acronym = acronym
            index[key] = entities.count
            if kind == .person, name.contains(" "), let surname = name.split(separator: " ").last {
                index[surname.lowercased()] = index[surname.lowercased()] ?? entities.count
            }
            if let acronym { index[acronym.lowercased()] = entities.count }
            entities.append(fact)
        }
    }

    static func extract(_ sentences: [TokenizedSentence]) -> [Fact] {
        var table = Table()
        for sentence in sentences {
            for run in runs(in: sentence) { classify(run, &table, sentences: sentences) }
        }
        return table.entities
    }

    // MARK: - Runs

    private static func isCapitalized(_ token: WordToken) -> Bool {
        token.kind == .word && token.text.unicodeScalars.first.map { $0.properties.isUppercase } == true
    }

    private static func stripPossessive(_ word: String) -> (String, Bool) {
        for suffix in ["'s", "’s"] where word.hasSuffix(suffix) { return (String(word.dropLast(2)), true) }
        for suffix in ["'", "’"] where word.hasSuffix(suffix) && word.count > 2 { return (String(word.dropLast()), true) }
        return (word, false)
    }

    private static func runs(in sentence: TokenizedSentence) -> [Run] {
        let tokens = sentence.tokens, lower = sentence.lower
        var runs: [Run] = []
        var index = 0
        while index < tokens.count {
            guard isCapitalized(tokens[index]), !Grammar.isDateWord(lower[index]) else { index += 1; continue }
            var words: [String] = []
            var end = index
            while end < tokens.count {
                let token = tokens[end]
                if isCapitalized(token), !Grammar.isDateWord(lower[end]) || words.isEmpty == false && Grammar.months[lower[end]] == nil {
                    let (word, possessive) = stripPossessive(token.text)
                    end += 1
                    // "People's Democratic Party" goes on; "Azerbaijan's chief" and
                    // "Nigeria's Supreme Court" end the name at the possessive.
                    let goesOn = possessive && end < tokens.count && isCapitalized(tokens[end])
                        && !WordLists.places.contains(word.lowercased()) && !WordLists.organisations.contains(word.lowercased())
                    words.append(goesOn ? token.text : word)
                    if possessive && !goesOn { break }
                    continue
                }
                // Connectors inside names: "Collective Security Treaty Organisation",
                // "Disaster and Emergency Management Authority", "Bank of England".
                if !words.isEmpty, ["of", "and", "for", "de", "&"].contains(lower[end]),
                   end + 1 < tokens.count, isCapitalized(tokens[end + 1]), !Grammar.isDateWord(lower[end + 1]) {
                    words.append(tokens[end].text)
                    end += 1
                    continue
                }
                break
            }
            if end > index {
                runs.append(Run(sentence: sentence, first: index, last: end - 1, words: words))
                index = end
            } else {
                index += 1
            }
        }
        return runs
    }

    // MARK: - Classification

    private static func classify(_ run: Run, _ table: inout Table, sentences: [TokenizedSentence]) {
        let sentence = run.sentence, lower = sentence.lower
        var words = run.words, first = run.first
        var lowered = run.lowered
        // A sentence opener is capitalized by position: drop it unless it is a
        // known name or the run goes on ("Chief Executive Lena Strauss").
        if first == 0 || (first == 1 && sentence.tokens[0].kind == .punctuation) {
            if Grammar.openers.contains(lowered[0]) || (words.count == 1 && table.index[lowered[0]] == nil
                && !WordLists.places.contains(lowered[0]) && !WordLists.organisations.contains(lowered[0])
                && !isAcronym(words[0])) {
                if words.count == 1 { return }
                words.removeFirst(); lowered.removeFirst(); first += 1
                if ["of", "and", "for", "de", "&"].contains(lowered[0]) { return }
            }
        }
        // "The" capitalized after a dateline or a dash is not part of the name
        // ("— The Federal Reserve"), unless it is ("The Hague", a known name).
        if words.count > 1, lowered[0] == "the", !WordLists.places.contains(lowered.joined(separator: " ")),
           !WordLists.organisations.contains(lowered.joined(separator: " ")) {
            words.removeFirst(); lowered.removeFirst(); first += 1
        }
        // "Shares of Apple Inc.", "Residents of Lytton": a plural noun that opens
        // the sentence is not the start of a name.
        if first == run.first, first == 0, words.count > 2, lowered[1] == "of", lowered[0].hasSuffix("s"),
           !WordLists.organisationHeads.contains(words[0]), !WordLists.organisations.contains(lowered[0]) {
            words.removeFirst(2); lowered.removeFirst(2); first += 2
        }
        // Headline or label in capitals ("PHOTO CAPTION"), or a dateline ("KHOJALY, Azerbaijan (Reuters) -").
        if words.count > 1 && words.allSatisfy({ isAcronym($0) }) { return }
        if words.count == 1, isAcronym(words[0]), words[0].count > 5 || isDateline(run) {
            if isDateline(run) { table.add(.place, words[0].capitalized, run, first, run.last, nil, nil) }
            else if table.index[lowered[0]] == nil, WordLists.organisations.contains(lowered[0]) { table.add(.organisation, words[0], run, first, run.last, nil, nil) }
            return
        }

        let joined = words.joined(separator: " "), joinedLower = lowered.joined(separator: " ")
        // "Name (ACR)": an acronym defined in the text.
        let definedAcronym = acronymAfter(run)

        let isOrganisation = WordLists.organisations.contains(joinedLower)
            || (words.count > 1 && WordLists.organisationHeads.contains(words[words.count - 1]))
        // "Azerbaijan and Armenia", "Ilham Aliyev and Vladimir Putin": two names, not one.
        if !isOrganisation, let and = lowered.firstIndex(where: { $0 == "and" || $0 == "&" }), and > 0, and < words.count - 1 {
            classify(Run(sentence: sentence, first: first, last: first + and - 1, words: Array(words[..<and])),
                     &table, sentences: sentences)
            classify(Run(sentence: sentence, first: first + and + 1, last: run.last, words: Array(words[(and + 1)...])),
                     &table, sentences: sentences)
            return
        }
        if isOrganisation {
            table.add(.organisation, joined, run, first, run.last, nil, definedAcronym)
            return
        }
        if WordLists.places.contains(joinedLower) {
            table.add(.place, joined, run, first, run.last, nil, nil)
            return
        }
        // A known entity's short name: surname, acronym, first word of an organisation.
        if words.count == 1, table.index[lowered[0]] != nil { return }
        if words.count == 1, let org = table.entities.firstIndex(where: { $0.kind == .organisation && $0.value.lowercased().hasPrefix(lowered[0] + " ") }) {
            table.index[lowered[0]] = org
            return
        }

        // Leading organisation or demonym before a title: "ECB President Christine
        // Lagarde", "Russian Foreign Minister Sergey Lavrov".
        var start = 0
        if words.count > 2, WordLists.roles.contains(lowered[1]) {
            if isAcronym(words[0]) || WordLists.organisations.contains(lowered[0]) { start = 1 }
            else if WordLists.demonyms[lowered[0]] != nil || WordLists.places.contains(lowered[0]) { start = 1 }
        }
        var titleEnd = start
        while titleEnd < words.count - 1, WordLists.roles.contains(lowered[titleEnd]) { titleEnd += 1 }
        if titleEnd > start {
            let name = words[titleEnd...].joined(separator: " ")
            guard !WordLists.roles.contains(lowered[words.count - 1]) else { return }
            if let known = table.index[name.lowercased()], table.entities[known].kind == .person {
                if table.entities[known].title == nil { table.entities[known].title = lowered[start..<titleEnd].joined(separator: " ") }
                return
            }
            table.add(.person, name, run, first + titleEnd, run.last,
                lowered[start..<titleEnd].joined(separator: " "), nil)
            return
        }

        if words.count == 1 {
            let word = words[0]
            if WordLists.demonyms[lowered[0]] != nil || WordLists.roles.contains(lowered[0]) { return }
            if isAcronym(word) {
                if let definition = acronymDefinition(word, in: sentences) {
                    table.add(.organisation, definition, run, first, run.last, nil, word)
                } else {
                    table.add(.organisation, word, run, first, run.last, nil, nil)
                }
                return
            }
            // An unknown single name where a place stands: "in Khojaly", "the town of Darende".
            if first > 0, ["in", "near", "from", "at", "to"].contains(lower[first - 1])
                || (first > 1 && lower[first - 1] == "of" && Grammar.placeNouns.contains(lower[first - 2])) {
                table.add(.place, word, run, first, run.last, nil, nil)
            }
            return
        }
        if words.contains(where: isAcronym) || words.count > 4 || lowered.contains(where: { WordLists.demonyms[$0] != nil })
            || Grammar.eventNouns.contains(lowered[0]) { return }
        // A title with no name after it is an office: "Supreme Allied Commander Europe".
        if lowered.contains(where: WordLists.roles.contains) { return }
        // Two to four capitalized words: a person, with a lowercase role just
        // before ("Sanusi's lawyer, Olu Bankole", "Loulé mayor Joaquim Serano").
        var before = first - 1
        if before >= 0, sentence.tokens[before].text == "," { before -= 1 }
        var title: [String] = []
        while before >= 0, WordLists.roles.contains(lower[before]), sentence.tokens[before].kind == .word, !isCapitalized(sentence.tokens[before]) {
            title.insert(lower[before], at: 0)
            before -= 1
        }
        table.add(.person, joined, run, first, run.last, title.isEmpty ? nil : title.joined(separator: " "), definedAcronym)
    }

    static func isAcronym(_ word: String) -> Bool {
        word.count >= 2 && word.count <= 6 && word.unicodeScalars.allSatisfy { $0.properties.isUppercase || ("0"..."9").contains($0) }
            && word.unicodeScalars.contains { $0.properties.isUppercase }
    }

    /// `KHOJALY, Azerbaijan (Reuters) -`: a capitalized place at the start of a sentence, then a comma.
    private static func isDateline(_ run: Run) -> Bool {
        run.first == 0 && run.last + 1 < run.sentence.tokens.count && run.sentence.tokens[run.last + 1].text == ","
            && run.sentence.tokens.contains { $0.text == "(" }
    }

    /// The acronym in parentheses right after a run: "People's Democratic Party (PDP)".
    private static func acronymAfter(_ run: Run) -> String? {
        let tokens = run.sentence.tokens
        let open = run.last + 1
        guard open + 2 < tokens.count, tokens[open].text == "(", tokens[open + 2].text == ")", isAcronym(tokens[open + 1].text) else { return nil }
        return tokens[open + 1].text
    }

    /// A phrase of the text whose initials spell the acronym ("Russian peacekeeping contingent" for RPC).
    private static func acronymDefinition(_ acronym: String, in sentences: [TokenizedSentence]) -> String? {
        let letters = acronym.lowercased().map { $0 }
        for sentence in sentences {
            let tokens = sentence.tokens
            guard tokens.count >= letters.count else { continue }
            for start in 0...(tokens.count - letters.count) {
                let window = tokens[start..<(start + letters.count)]
                guard window.allSatisfy({ $0.kind == .word && $0.text.count > 2 }),
                      zip(window, letters).allSatisfy({ $0.text.lowercased().first == $1 }),
                      isCapitalized(tokens[start]) else { continue }
                return window.map(\.text).joined(separator: " ")
            }
        }
        return nil
    }
}
