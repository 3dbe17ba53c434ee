import RevtrackLexicon
import RevtrackText

/// People (with their titles), places and organisations (with acronyms the
/// text defines), one fact per entity at its first mention.
///
/// Runs of capitalised words are classified by evidence, not by shape:
/// - places by the gazetteer (GeoNames, ISO 3166, US counties), by a
///   geographic head ("Poudre River", "Sea of Japan"), a compass word before a
///   place ("South Texas"), or a place's slot ("in Lytton", "Austin, Texas");
/// - organisations by the hand list of well-known ones, a head word ("Party",
///   "Systems", "Department of …"), an acronym the text defines, or a name that
///   recurs on its own without ever being a person's;
/// - people only with evidence: a title ("Sen.", "Chief Justice"), a role
///   before ("Sanusi's lawyer, Olu Bankole"), a byline, a verb of saying next
///   to the name, an age or role in apposition, or a given name from the
///   Census list followed by a surname-like word.
/// Words that are common English in lower case ("Images", "Reserved", "Week")
/// do not make a name without such evidence. A later surname, acronym or
/// short name is a mention of the entity, not a new one.
enum EntityExtractor {
    /// A run of capitalised words, e.g. "Russian Colonel General Yevgeny Nikiforov".
    struct Run {
        let sentence: TokenizedSentence
        var first: Int, last: Int          // token indices, inclusive
        var words: [String]                // possessive 's and abbreviation dots removed
        var lowered: [String] { words.map { $0.lowercased() } }
        var joined: String { words.joined(separator: " ") }
    }

    /// The entities found so far and every name that refers to one.
    struct Table {
        var entities: [Fact] = []
        /// Lowercased full name, surname, acronym or short name → entity.
        var index: [String: Int] = [:]
        /// First word of each organisation's name → the organisation ("Severgaz" for "Severgaz Energy").
        var organisationsByFirstWord: [String: Int] = [:]
        /// Acronyms already looked up in the text, with their spelled-out form.
        var definitions: [String: String?] = [:]
        /// Every word of every person's name, lowercased: "Kang" of "Kang Ji-hoon" (family name first)
        /// is that person later, never an organisation.
        var personWords: Set<String> = []
        /// First words of events, laws and indexes ("Dow" of "Dow Jones Industrial Average"): their short names.
        var otherNames: Set<String> = []
        /// Whether the text is a sports story: then "Harwell City" is a club and "against Benfica" a team.
        var sports = false

        mutating func add(_ kind: Fact.Kind, _ name: String, _ run: Run, _ first: Int, _ last: Int,
                          _ title: String? = nil, _ acronym: String? = nil) {
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
                for word in key.split(separator: " ") { personWords.insert(String(word)) }
            }
            if let acronym { index[acronym.lowercased()] = entities.count }
            if kind == .organisation, let firstWord = key.split(separator: " ").first, key.contains(" ") {
                organisationsByFirstWord[String(firstWord)] = organisationsByFirstWord[String(firstWord)] ?? entities.count
            }
            entities.append(fact)
        }

        func person(named name: String) -> Int? {
            index[name.lowercased()].flatMap { entities[$0].kind == .person ? $0 : nil }
        }
    }

    static func extract(_ sentences: [TokenizedSentence]) -> [Fact] {
        var table = Table()
        table.sports = isAboutSport(sentences)
        var pending: [Run] = []
        for sentence in sentences {
            compactPlaces(in: sentence, &table)
            for var run in runs(in: sentence) where !classify(run, &table, sentences: sentences) {
                // "The Verge": the single name the classifier left undecided.
                if run.words.count == 2, run.lowered[0] == "the" {
                    run.words.removeFirst()
                    run.first += 1
                }
                pending.append(run)
            }
        }
        // Single names that nothing classified: a name that recurs on its own
        // and is no person's surname is an organisation ("Severgaz said …").
        var counts: [String: Int] = [:]
        for run in pending where run.words.count == 1 { counts[run.lowered[0], default: 0] += 1 }
        for run in pending where run.words.count == 1 && table.index[run.lowered[0]] == nil && !table.personWords.contains(run.lowered[0])
            && (organisationContext(run) || table.sports && teamContext(run)) {
            // "told The Verge": a capital "The" inside a sentence is part of the name.
            if run.first > 1, run.sentence.tokens[run.first - 1].text == "The" {
                table.add(.organisation, "The " + run.words[0], run, run.first - 1, run.last)
                table.index[run.lowered[0]] = table.index["the " + run.lowered[0]]
            } else {
                table.add(.organisation, run.words[0], run, run.first, run.last)
            }
        }
        for run in pending where run.words.count == 1 {
            let word = run.lowered[0]
            // Nationality adjectives ("Yemeni", "Hispanic", "Lithuanian") recur too.
            let nationality = ["ese", "ian", "ean", "ish", "ic", "i", "an"].contains { word.hasSuffix($0) }
                && Gazetteer.countryStems.contains(String(word.prefix(4)))
            guard table.index[word] == nil, !table.personWords.contains(word), !table.otherNames.contains(word), counts[word, default: 0] >= 2, !Gazetteer.isCommonWord(word), !isTimeWord(word), !nationality,
                  !word.contains("'"), !word.contains("’"),
                  !Gazetteer.isGivenName(run.words[0]), WordLists.demonyms[word] == nil else { continue }
            table.add(.organisation, run.words[0], run, run.first, run.last)
        }
        return table.entities
    }

    // MARK: - Runs

    static func isCapitalized(_ token: WordToken) -> Bool {
        token.kind == .word && token.text.unicodeScalars.first.map { $0.properties.isUppercase } == true
    }

    private static func stripPossessive(_ word: String) -> (String, Bool) {
        for suffix in ["'s", "’s"] where word.hasSuffix(suffix) { return (String(word.dropLast(2)), true) }
        for suffix in ["'", "’"] where word.hasSuffix(suffix) && word.count > 2 { return (String(word.dropLast()), true) }
        return (word, false)
    }

    /// Whether token `index` is a date word that cannot be part of a name:
    /// a weekday, or a month next to a number ("May 5", "in March 2024").
    private static func isDateToken(_ sentence: TokenizedSentence, _ index: Int) -> Bool {
        let word = Grammar.strippingPossessive(sentence.lower[index])
        if Grammar.weekdays[word] != nil { return true }
        guard Grammar.months[word] != nil else { return false }
        let next = index + 1 < sentence.tokens.count ? sentence.tokens[index + 1] : nil
        let previous = index > 0 ? sentence.tokens[index - 1] : nil
        return next?.kind == .number || previous?.kind == .number || next == nil || !(next.map(isCapitalized) ?? false)
    }

    static func runs(in sentence: TokenizedSentence) -> [Run] {
        let tokens = sentence.tokens, lower = sentence.lower
        var runs: [Run] = []
        var index = 0
        while index < tokens.count {
            guard isCapitalized(tokens[index]), !isDateToken(sentence, index) else { index += 1; continue }
            var words: [String] = []
            var end = index
            while end < tokens.count {
                let token = tokens[end]
                if isCapitalized(token), !isDateToken(sentence, end) {
                    // A capitalised "The" inside a run starts another name ("Sorensen The Associated Press"),
                    // and so does a change from capitals to mixed case ("By DELIA MARCHETTI Associated Press").
                    if !words.isEmpty, token.text == "The" { break }
                    // Only a name set in capitals (two words or more) ends there: "ABC News", "CME Group",
                    // "Acme AG" and "U.S. Department of Agriculture" are one name.
                    // "NEWS PROVIDED BY Lumivane Systems" too: short capital words that are ordinary English count.
                    if words.count >= 2, token.text.count > 1, !isAllCapitals(token.text),
                       words.suffix(2).allSatisfy({ isAllCapitals($0) && !$0.utf8.contains(0x2E)
                           && ($0.count > 2 || Gazetteer.isCommonWord($0.lowercased())) }) { break }
                    let (word, possessive) = stripPossessive(token.text)
                    end += 1
                    // "People's Democratic Party" goes on; "Azerbaijan's chief" and
                    // "Nigeria's Supreme Court" end the name at the possessive.
                    let goesOn = possessive && end < tokens.count && isCapitalized(tokens[end])
                        && !Gazetteer.places.contains(word.lowercased()) && !WordLists.organisations.contains(word.lowercased())
                        && !Gazetteer.places.contains((words + [word]).joined(separator: " ").lowercased())
                        && !Gazetteer.isGivenName(word)
                    words.append(goesOn ? token.text : word)
                    if possessive && !goesOn { break }
                    // "Gov." "Sen." "U.S." "John F. Kennedy": the dot of an abbreviation or initial stays inside.
                    if end + 1 < tokens.count, tokens[end].text == ".", isCapitalized(tokens[end + 1]),
                       abbreviations[word.lowercased()] != nil || word.count == 1 || word.utf8.contains(0x2E) {
                        if word.utf8.contains(0x2E) || word.count == 1 { words[words.count - 1] += "." }
                        end += 1
                    }
                    continue
                }
                // A plural possessive inside a name, its apostrophe a token of its own: "Aviation Workers'
                // Federation", "Ostmark Farmers' Union".
                if let previous = words.last, previous.hasSuffix("s"), ["'", "\u{2019}"].contains(tokens[end].text),
                   end + 1 < tokens.count, isCapitalized(tokens[end + 1]), !isDateToken(sentence, end + 1) {
                    words[words.count - 1] += "'"
                    end += 1
                    continue
                }
                // Connectors inside names: "Collective Security Treaty Organisation",
                // "Department of Justice", "Bank of England".
                // "University of Texas at San Antonio": a campus after "at".
                let campus = lower[end] == "at" && words.contains { $0 == "University" || $0 == "College" }
                if !words.isEmpty, campus || ["of", "and", "for", "de", "&", "on"].contains(lower[end]),
                   end + 1 < tokens.count, isCapitalized(tokens[end + 1]), !isDateToken(sentence, end + 1), tokens[end + 1].text != "The" {
                    words.append(tokens[end].text)
                    end += 1
                    continue
                }
                break
            }
            if end > index {
                var last = end - 1
                while last > index, tokens[last].kind != .word { last -= 1 }
                runs.append(Run(sentence: sentence, first: index, last: last, words: words))
                index = end
            } else {
                index += 1
            }
        }
        return runs
    }

    // MARK: - Classification

    /// Classifies a run and records what it names; false when the run is a
    /// single name the text gives no evidence about (decided at the end).
    @discardableResult
    static func classify(_ original: Run, _ table: inout Table, sentences: [TokenizedSentence]) -> Bool {
        var run = original
        let sentence = run.sentence, tokens = sentence.tokens
        var byline = false
        // Sentence openers and labels: "By", "I'm", "Why", "Related", "Across".
        let atStart = run.first == 0 || (run.first > 0 && tokens[run.first - 1].kind == .punctuation
            && ["\"", "“", "—", "–", "-", ":", "(", "‘", "'"].contains(tokens[run.first - 1].text))
        while let first = run.lowered.first {
            if first == "by" { byline = true }
            let known = table.index[first] != nil || Gazetteer.places.contains(first) || WordLists.organisations.contains(first)
            let isOpener = Grammar.openers.contains(first) || first == "i'm" || first == "i"
                || (atStart && run.first == original.first && !known && !Gazetteer.isGivenName(run.words[0])
                    && !isTitle(first) && Gazetteer.isCommonWord(first) && !whole(run, isKnown: true)
                    // "Fire Chief Daniel Oyelaran": a noun that makes the title what it is, not an opener.
                    && !(run.lowered.count > 2 && isTitle(run.lowered[1]) && !Lexicon.isAdverb(first))
                    && (run.lowered.count > 1 && run.lowered[1] == "of" && first.hasSuffix("s")
                        || !isOrganisationName(run.lowered, run.words) && !isPlaceName(run.lowered, run.words) && !startsWithName(run)))
            guard isOpener else { break }
            if first == "i'm" { byline = true }
            run.words.removeFirst(); run.first += 1
            while run.first < run.last, tokens[run.first].kind != .word { run.first += 1 }
            // "Shares of Apple Inc.", "Residents of Lytton": the name starts after the connector.
            while let connector = run.lowered.first, ["of", "and", "for", "de", "&", "on"].contains(connector) {
                run.words.removeFirst(); run.first += 1
                while run.first < run.last, tokens[run.first].kind != .word { run.first += 1 }
            }
            if run.words.isEmpty { return true }
        }
        // A name set in capitals ("By DELIA MARCHETTI", a transcript's "HANSI LO WANG") reads as
        // the same name in mixed case, unless the capitals are a known organisation or place.
        if run.words.count >= 2, run.words.allSatisfy({ isAllCapitals($0) && $0.count > 1 && $0.allSatisfy(\.isLetter) }),
           !run.words.contains(where: { $0.count > 1 && $0.count <= 3 }),
           !WordLists.organisations.contains(run.lowered.joined(separator: " ")), !Gazetteer.places.contains(run.lowered.joined(separator: " ")) {
            run.words = run.words.map { $0.prefix(1) + $0.dropFirst().lowercased() }
        }
        // "Houthi-run Ministry of Public Health", "Kremlin-backed": a hyphenated adjective is not part of the name.
        if run.words.count > 1, let dash = run.words[0].firstIndex(of: "-"),
           run.words[0][run.words[0].index(after: dash)...].first?.isLowercase == true {
            run.words.removeFirst(); run.first += 1
        }
        // "The" before a name that is not "The Hague" or "The Associated Press".
        if run.words.count > 1, run.lowered[0] == "the", !whole(run, isKnown: true) {
            run.words.removeFirst(); run.first += 1
        }
        if run.words.count > 1, ["of", "and", "&"].contains(run.lowered.last!) { run.words.removeLast() }
        guard !run.words.isEmpty else { return true }
        let words = run.words, lowered = run.lowered, joinedLower = lowered.joined(separator: " ")

        // A transcript's stage direction alone in parentheses: "(CROSSTALK)", "(BEGIN VIDEO CLIP)".
        if words.allSatisfy(isAllCapitals), run.first == 1, tokens[0].text == "(", run.last + 2 == tokens.count, tokens[run.last + 1].text == ")" {
            return true
        }
        // A ticker after its exchange: "(NASDAQ: LMVN)", "(NYSE: ACME)".
        if words.count == 1, isAcronym(words[0]), run.first >= 3, tokens[run.first - 1].text == ":", isAcronym(tokens[run.first - 2].text),
           tokens[run.first - 3].text == "(", run.last + 1 < tokens.count, tokens[run.last + 1].text == ")" { return true }
        // "Lancaster and York counties": the counties are found whole (compactPlaces).
        if run.last + 1 < tokens.count, ["counties", "parishes"].contains(sentence.lower[run.last + 1]) { return true }
        // Headlines and labels in capitals ("PHOTO CAPTION"), datelines ("KHOJALY, Azerbaijan (Reuters) -").
        if words.count == 1, isAcronym(words[0]), isDateline(run) {
            table.add(.place, words[0].capitalized, run, run.first, run.last)
            return true
        }
        if words.count > 1, words.allSatisfy({ isAcronym($0) }) {
            // A byline in capitals: "By DELIA MARCHETTI".
            if byline, words.count <= 3 { table.add(.person, words.map { $0.capitalized }.joined(separator: " "), run, run.first, run.last) }
            return true
        }
        let definedAcronym = acronymAfter(run)

        // "Cleveland Clinic and University Hospitals", "Oak Run and Round Mountain": two names when each half is one.
        if let and = lowered.firstIndex(where: { $0 == "and" || $0 == "&" }), and > 0, and < words.count - 1,
           !WordLists.organisations.contains(joinedLower) {
            let left = Array(lowered[..<and]), right = Array(lowered[(and + 1)...])
            func named(_ part: [String], _ original: [String]) -> Bool {
                isPlaceName(part, original) || isOrganisationName(part, original) || WordLists.organisations.contains(part.joined(separator: " "))
            }
            if named(left, Array(words[..<and])) && named(right, Array(words[(and + 1)...])) {
                classify(Run(sentence: sentence, first: run.first, last: tokenIndex(of: and - 1, in: run), words: Array(words[..<and])),
                         &table, sentences: sentences)
                classify(Run(sentence: sentence, first: tokenIndex(of: and + 1, in: run), last: run.last, words: Array(words[(and + 1)...])),
                         &table, sentences: sentences)
                return true
            }
        }
        if words.count == 1, isAcronym(words[0]), table.index[lowered[0]] == nil, !isPlainCapitals(words[0]) {
            if let definition = definition(of: words[0], near: sentence, in: sentences, &table) {
                table.add(.organisation, definition, run, run.first, run.last, nil, words[0])
                return true
            }
        }
        // "News provided by Lumivane Systems", "SOURCE Lumivane Systems": a name already known, with words before it.
        if words.count > 2 {
            for drop in 1..<(words.count - 1) where table.index[lowered[drop...].joined(separator: " ")] != nil
                && !lowered[..<drop].contains(where: isTitle) && !["of", "at", "for", "and", "&", "de", "on"].contains(lowered[drop - 1]) {
                return true
            }
        }
        // "Joint Chiefs of Staff (JCS)": a name whose initials the acronym after it spells is an organisation.
        if let acronym = definedAcronym, words.count > 1 {
            let initials = words.filter { !["of", "and", "for", "the", "de", "&", "on"].contains($0.lowercased()) }.compactMap(\.first)
            if String(initials).uppercased() == acronym.filter({ $0 != "." }) {
                table.add(.organisation, run.joined, run, run.first, run.last, nil, acronym)
                return true
            }
        }
        // An office and its portfolio before the holder's name, read before the portfolio's "and" splits the
        // run or its "of" makes it an organisation: "Secretary of State Anna Berg", "Minister of Transport
        // and Infrastructure Halvard Brennick".
        let office = lowered.prefix { isTitle($0) }.count
        if office > 0, office < words.count, lowered[office] == "of", let nameStart = portfolioEnd(of: run, after: office) {
            addOfficeHolder(run, title: 0, name: nameStart, &table)
            return true
        }
        // An office with no holder named ("Director of Communications", "Chief Executive Officer of Corvane
        // Holdings") is no organisation; what follows its "of" may be one.
        if office > 0, office + 1 < words.count, lowered[office] == "of" {
            if words.count - office - 1 >= 2 {
                classify(Run(sentence: sentence, first: tokenIndex(of: office + 1, in: run), last: run.last, words: Array(words[(office + 1)...])),
                         &table, sentences: sentences)
            }
            return true
        }
        // "Bank of England Governor Andrew Bailey": an organisation that qualifies a title before a name is read with them below.
        if WordLists.organisations.contains(joinedLower) || isOrganisationName(lowered, words) && !qualifiesTitledName(lowered, words) {
            // "Lumivane Systems, Inc.": a legal form after a comma belongs to the name.
            var name = WordLists.organisationNames[joinedLower].flatMap { isAllCapitals(run.joined) ? $0 : nil } ?? run.joined
            if run.last + 2 < tokens.count, tokens[run.last + 1].text == ",",
               ["inc", "ltd", "llc", "corp", "plc", "co"].contains(sentence.lower[run.last + 2]) {
                name += " " + tokens[run.last + 2].text
            }
            // "4th U.S. Circuit Court of Appeals", "117th Congress": the ordinal is part of the name.
            var first = run.first
            if first > 0, isOrdinal(lower: sentence.lower[first - 1]) {
                first -= 1
                name = tokens[first].text + " " + name
            }
            table.add(.organisation, name, run, first, run.last, nil, definedAcronym)
            // "Lumivane Systems" later is "Lumivane Systems, Inc.".
            if table.index[joinedLower] == nil { table.index[joinedLower] = table.index[name.lowercased()] }
            return true
        }
        // "joined from Benfica", "against Porto": a team, in a sports story, where a town could stand (not a country or state).
        if table.sports, words.count == 1, table.index[lowered[0]] == nil, table.organisationsByFirstWord[lowered[0]] == nil,
           teamContext(run), WordLists.demonyms[lowered[0]] == nil, !Gazetteer.usStates.contains(lowered[0]),
           !Gazetteer.countryStems.contains(String(lowered[0].prefix(4))) || Gazetteer.cities[words[0]] != nil {
            table.add(.organisation, words[0], run, run.first, run.last)
            return true
        }
        // In a sports story "Harwell City" and "Kestrel Town" are clubs, unless the gazetteer knows the town by that name.
        if table.sports, words.count == 2, ["city", "town", "united", "county"].contains(lowered[1]),
           !Gazetteer.places.contains(joinedLower), Gazetteer.cities[run.joined] == nil {
            table.add(.organisation, run.joined, run, run.first, run.last)
            return true
        }
        // A name shaped like a place's that is followed by what only organisations have is a company's:
        // "Harvest Lane shares jump" (Harvest Lane Markets Inc.).
        if isPlaceName(lowered, words), Gazetteer.places.contains(joinedLower) || !organisationContext(run) {
            table.add(.place, run.joined, run, run.first, run.last)
            return true
        }
        // A town of two or three words where a place stands: "near Mount Vernon", "in Fort Collins".
        if words.count <= 3, Gazetteer.cities[run.joined] != nil, run.first > 0,
           ["in", "near", "outside", "across", "from", "to", "of"].contains(sentence.lower[run.first - 1]) {
            table.add(.place, run.joined, run, run.first, run.last)
            return true
        }
        if words.count == 1, isAcronym(words[0]) {
            if table.index[lowered[0]] != nil || (isPlainCapitals(words[0]) && !WordLists.organisations.contains(lowered[0])) { return true }
            // A transcript's turn label ("MAYA:", "HENRIK (guest):", "UPDATE:"): a speaker's first name or a
            // heading, not an organisation, unless the text or the list knows it as one.
            if run.first == 0, run.last + 1 < tokens.count, [":", "("].contains(tokens[run.last + 1].text),
               !WordLists.organisations.contains(lowered[0]) { return true }
            // "FTSE 100", "STOXX 600": an index or product named with a number.
            if run.last + 1 < tokens.count, tokens[run.last + 1].kind == .number { return true }
            if WordLists.organisations.contains(lowered[0]) || words[0].count <= 6 {
                if let definition = definition(of: words[0], near: sentence, in: sentences, &table) {
                    table.add(.organisation, definition, run, run.first, run.last, nil, words[0])
                } else if let country = countryAcronyms[words[0]] {
                    // "U.S. teens", "the U.S. national security adviser": the country, where it is not part of a name.
                    table.add(.place, country, run, run.first, run.last)
                } else {
                    table.add(.organisation, WordLists.organisationNames[lowered[0]] ?? words[0], run, run.first, run.last)
                }
            }
            return true
        }
        // A known entity's short name: surname, acronym, first word of an organisation.
        if words.count == 1, table.index[lowered[0]] != nil { return true }
        if words.count == 1, let org = table.organisationsByFirstWord[lowered[0]] {
            table.index[lowered[0]] = org
            return true
        }
        // "Azerbaijan and Armenia", "Ilham Aliyev and Vladimir Putin": two names, not one.
        if let and = lowered.firstIndex(where: { $0 == "and" || $0 == "&" }), and > 0, and < words.count - 1 {
            let left = Run(sentence: sentence, first: run.first, last: run.first + and - 1, words: Array(words[..<and]))
            let right = Run(sentence: sentence, first: run.first + and + 1, last: run.last, words: Array(words[(and + 1)...]))
            classify(left, &table, sentences: sentences)
            classify(right, &table, sentences: sentences)
            return true
        }
        if eventHeads.contains(lowered[lowered.count - 1]) || Grammar.eventNouns.contains(lowered[0]) {
            // "the Dow" after "the Dow Jones Industrial Average" is the index again, not a company.
            table.otherNames.insert(lowered[0])
            return true
        }

        // Place or organisation, then titles, then the name: "Texas Gov. Ray Castellano",
        // "ECB President Christine Lagarde", "Russian Foreign Minister Sergey Lavrov".
        // Whatever stands before the first title qualifies it ("Lithuanian", "Pierce County",
        // "British Columbia", "Huntington"); a place there is a place of its own.
        var start = 0, prefixNamed = false
        if words.count > 2, !isTitle(lowered[0]),
           let firstTitle = (1..<(words.count - 1)).first(where: { isTitle(lowered[$0]) }), firstTitle <= 3 {
            let prefix = Array(lowered[..<firstTitle]), original = Array(words[..<firstTitle])
            let prefixEnd = tokenIndex(of: firstTitle - 1, in: run)
            // "Pierce County Executive …" and "New Democratic Party MP …" qualify a title even when
            // their first word is also a given name; "Grace Police Chief" does not.
            if isOrganisationName(prefix, original) || WordLists.organisations.contains(prefix.joined(separator: " ")) {
                table.add(.organisation, original.joined(separator: " "), run, run.first, prefixEnd)
                start = firstTitle
                prefixNamed = true
            } else if isPlaceName(prefix, original) || Gazetteer.cities[original.joined(separator: " ")] != nil {
                table.add(.place, original.joined(separator: " "), run, run.first, prefixEnd)
                start = firstTitle
                prefixNamed = true
            } else if !Gazetteer.isGivenName(words[0]) {
                start = firstTitle
            }
        }
        var titleEnd = start
        while titleEnd < words.count - 1, isTitle(lowered[titleEnd]) { titleEnd += 1 }
        // A compound title runs to its last title word over ordinary words between:
        // "Chief Financial Officer", "Home Affairs Spokesman", "Chief Investment Strategist".
        if titleEnd > start, var last = (titleEnd..<(words.count - 1)).last(where: { isTitle(lowered[$0]) }) {
            if !(titleEnd...last).allSatisfy({ isTitle(lowered[$0]) || Gazetteer.isCommonWord(lowered[$0]) }) { last = titleEnd - 1 }
            titleEnd = last + 1
        }
        // Ordinary words just before the first title belong to it: "Senate Majority Leader", "County Executive".
        var titleStart = start
        while titleEnd > start, titleStart > 0, !prefixNamed, Gazetteer.isCommonWord(lowered[titleStart - 1]), !isTitle(lowered[titleStart - 1]) {
            titleStart -= 1
        }
        // An office of a portfolio, then the name: "Director of Public Works Carla Membrere", "Secretary of
        // State Anna Berg", "Minister of Transport and Infrastructure Halvard Brennick".
        if titleEnd > start, lowered[titleEnd] == "of", let nameStart = portfolioEnd(of: run, after: titleEnd) {
            addOfficeHolder(run, title: titleStart, name: nameStart, &table)
            return true
        }
        if titleEnd > start {
            let nameWords = Array(words[titleEnd...])
            // "Chief Executive Officer of Corvane": an office and its organisation, no name.
            guard !isTitle(lowered[words.count - 1]), nameWords.count <= 4, !["of", "for", "and", "at", "on", "&"].contains(lowered[titleEnd]),
                  !Gazetteer.places.contains(nameWords.joined(separator: " ").lowercased()),
                  nameWords.last.map(Gazetteer.isSurnameLike) == true || table.person(named: nameWords.joined(separator: " ")) != nil
                    || nameWords.count > 1 && Gazetteer.isGivenName(nameWords[0])
            else { return true }
            let name = nameWords.joined(separator: " ")
            var title = lowered[titleStart..<titleEnd].map { abbreviations[$0] ?? $0 }.joined(separator: " ")
            // "Dr. Camille Osei, the study's lead author": the role says more than the courtesy title.
            if ["dr", "mr", "mrs", "ms", "miss"].contains(title), let role = apposition(after: run.last, in: sentence) { title = role }
            if let known = table.person(named: name) {
                if table.entities[known].title == nil { table.entities[known].title = title }
                return true
            }
            table.add(.person, name, run, tokenIndex(of: titleEnd, in: run), run.last, title)
            return true
        }
        if words.count == 1 {
            let word = words[0]
            if WordLists.demonyms[lowered[0]] != nil || isTitle(lowered[0]) { return true }
            // "a slump in Veloria shares": what follows the name can make it a company where a place could stand.
            if isPlaceSlot(run), !organisationContext(run) {
                table.add(.place, word, run, run.first, run.last)
                return true
            }
            return false
        }
        // Trailing interface or common words: "Mei Tanaka Updated", "Whitcombe Unveils".
        var nameWords = words
        while nameWords.count > 1, !Gazetteer.isSurnameLike(nameWords[nameWords.count - 1]) { nameWords.removeLast() }
        if nameWords.count == 1 {
            if table.index[nameWords[0].lowercased()] == nil, isPlaceSlot(run) { table.add(.place, nameWords[0], run, run.first, run.first) }
            return true
        }
        if nameWords.count > 4 || lowered.contains(where: { WordLists.demonyms[$0] != nil }) || nameWords.contains(where: isAcronym)
            || lowered.contains(where: { ["of", "for", "de", "on"].contains($0) }) { return true }
        // A title with no name after it is an office: "Supreme Allied Commander Europe".
        if lowered.prefix(nameWords.count).contains(where: isTitle) { return true }

        var evidence = personEvidence(nameWords, run, byline: byline)
        guard evidence.found else {
            if organisationContext(run) { table.add(.organisation, run.joined, run, run.first, run.last, nil, definedAcronym) }
            return true
        }
        if evidence.title == nil { evidence.title = apposition(after: tokenIndex(of: nameWords.count - 1, in: run), in: sentence) }
        let name = nameWords.joined(separator: " ")
        if let known = table.person(named: name) {
            if table.entities[known].title == nil, let title = evidence.title { table.entities[known].title = title }
            return true
        }
        table.add(.person, name, run, run.first, tokenIndex(of: nameWords.count - 1, in: run), evidence.title, definedAcronym)
        return true
    }

    /// Records a person named after an office: the words from `title` to
    /// `name` are the title, the rest the name.
    private static func addOfficeHolder(_ run: Run, title: Int, name: Int, _ table: inout Table) {
        let holder = run.words[name...].joined(separator: " ")
        let office = run.lowered[title..<name].map { abbreviations[$0] ?? $0 }.joined(separator: " ")
        if let known = table.person(named: holder) {
            if table.entities[known].title == nil { table.entities[known].title = office }
            return
        }
        table.add(.person, holder, run, tokenIndex(of: name, in: run), run.last, office)
    }

    /// Whether an organisation's name stands before a title and a person's
    /// name in one run ("Bank of England Governor Andrew Bailey"): a title
    /// among the first five words, then two or three words of a name.
    private static func qualifiesTitledName(_ lowered: [String], _ words: [String]) -> Bool {
        guard let title = (2..<min(5, words.count)).first(where: { isTitle(lowered[$0]) }) else { return false }
        var end = title
        while end < words.count, isTitle(lowered[end]) { end += 1 }
        let name = words.count - end
        return (2...3).contains(name) && Gazetteer.isSurnameLike(words[words.count - 1]) && !Gazetteer.isCommonWord(lowered[words.count - 1])
            && (Gazetteer.isGivenName(words[end]) || !Gazetteer.isCommonWord(lowered[end]))
    }

    /// Where the name starts after an office's "of" and its portfolio
    /// ("of Public Works Carla Membrere" → "Carla"): the last two words, or
    /// three after a given name, that ordinary English does not use (or a
    /// given name and a surname), after portfolio words that it does
    /// ("Public Works", "Transport and Infrastructure", a place). Nil when
    /// the words after "of" are an organisation's name alone ("Chief
    /// Executive Officer of Corvane").
    private static func portfolioEnd(of run: Run, after of: Int) -> Int? {
        let words = run.words, lowered = run.lowered
        guard words.count - of >= 4, let last = words.last, Gazetteer.isSurnameLike(last) else { return nil }
        var start = words.count - 2
        if start - 1 > of + 1, Gazetteer.isGivenName(words[start - 1]), !Gazetteer.isCommonWord(lowered[start - 1]) { start -= 1 }
        // A surname that is also a word ("Anna Berg") needs a given name before it.
        guard Gazetteer.isGivenName(words[start]) || !Gazetteer.isCommonWord(lowered[start]) && !Gazetteer.isCommonWord(lowered[words.count - 1])
        else { return nil }
        let portfolio = lowered[(of + 1)..<start]
        guard !portfolio.isEmpty, portfolio.allSatisfy({ Gazetteer.isCommonWord($0) || ["and", "&"].contains($0) || Gazetteer.places.contains($0) }),
              !["and", "&"].contains(portfolio.last!) else { return nil }
        return start
    }

    // MARK: - Evidence

    /// What says that a run of two to four capitalised words is a person, and
    /// the role it gives: a byline, a role word before ("Sanusi's lawyer, Olu
    /// Bankole"), a verb of saying next to it, an age or role in apposition,
    /// or a Census given name with a surname-like word after it; names made
    /// only of words rare in English count too (most invented and foreign names).
    private static func personEvidence(_ words: [String], _ run: Run, byline: Bool) -> (found: Bool, title: String?) {
        let sentence = run.sentence, lower = sentence.lower, tokens = sentence.tokens
        // Lowercase role right before: "lawyer Olu Bankole", "Loulé mayor Joaquim Serano".
        var before = run.first - 1
        if before >= 0, tokens[before].text == "," { before -= 1 }
        var title: [String] = []
        while before >= 0, isTitle(lower[before]), tokens[before].kind == .word, !isCapitalized(tokens[before]) {
            title.insert(lower[before], at: 0)
            before -= 1
        }
        // Nouns that make the role what it is: "campaign manager", "appeals judge", "planning director",
        // capitalised only as the sentence's first word ("Council leader Rajiv Menon").
        while !title.isEmpty, title.count < 4, before >= 0, tokens[before].kind == .word, !isCapitalized(tokens[before]) || before == 0,
              Gazetteer.isCommonWord(lower[before]), !Grammar.stops.contains(lower[before]), !Grammar.determiners.contains(lower[before]),
              !lower[before].hasSuffix("'s"), !lower[before].hasSuffix("’s"), !lower[before].hasSuffix("ly"),
              // Not a count, an adverb or a verb: "one shopkeeper", "also brought former chancellor".
              WordLists.numberWordsByFirst[lower[before]] == nil, !Lexicon.isAdverb(lower[before]), !Lexicon.isIrregularVerbForm(lower[before]) {
            title.insert(lower[before], at: 0)
            before -= 1
        }
        let roleTitle = title.isEmpty ? nil : title.joined(separator: " ")
        if roleTitle != nil || byline { return (true, roleTitle) }
        // Credits: "Editing by Ros Russell", "REUTERS/Aziz Karimov", "AP Photo/Jane Doe".
        if run.first > 0, lower[run.first - 1] == "by" || tokens[run.first - 1].text == "/" { return (true, nil) }
        let end = run.first + (tokenIndex(of: words.count - 1, in: run) - run.first)
        let after = end + 1 < tokens.count ? lower[end + 1] : ""
        let afterNext = end + 2 < tokens.count ? lower[end + 2] : ""
        let previous = run.first > 0 ? lower[run.first - 1] : ""
        let speech = WordLists.speechVerbs.contains(after) || WordLists.claimVerbs[after] != nil
            || (after == "," && (afterNext == "who" || tokens.indices.contains(end + 2) && tokens[end + 2].kind == .number))
            || WordLists.speechVerbs.contains(previous) || (previous == "to" && run.first > 1 && lower[run.first - 2] == "according")
        if speech { return (true, apposition(after: end, in: sentence)) }
        if after == ",", afterNext == "the" || afterNext == "a" || afterNext == "an",
           let role = apposition(after: end, in: sentence) { return (true, role) }
        if Gazetteer.isGivenName(words[0]), Gazetteer.isSurnameLike(words[words.count - 1]) { return (true, nil) }
        if words.allSatisfy({ !Gazetteer.isCommonWord($0) && !Gazetteer.places.contains($0.lowercased()) }), words.count <= 3 {
            return (true, nil)
        }
        return (false, nil)
    }

    /// The role set after a name by a comma: ", the national security
    /// adviser," → "national security adviser", ", its chief executive." →
    /// "chief executive", ", chief investment strategist at Halden Wealth" →
    /// "chief investment strategist", ", the state demographer, who …" →
    /// "state demographer". The phrase runs to a comma, a full stop or a word
    /// that attaches something to it ("of", "at", "who"); capitalised words
    /// at its start (", the U.S. national security adviser") name a place,
    /// not the role. After an article or a possessive it ends in a title or
    /// a noun of a person's trade ("demographer", "strategist"); without one
    /// it must hold a title too ("chief investment strategist") or be written
    /// in title case ("By Rebecca Ortiz, Staff Writer").
    private static func apposition(after end: Int, in sentence: TokenizedSentence) -> String? {
        let lower = sentence.lower, tokens = sentence.tokens
        guard end + 2 < lower.count, lower[end + 1] == "," else { return nil }
        var index = end + 2
        let determined = ["the", "a", "an", "its", "his", "her", "their"].contains(lower[index])
        if determined { index += 1 }
        var words: [String] = []
        var titleCased = true
        while index < lower.count, tokens[index].kind == .word || words.isEmpty && tokens[index].text == ".", words.count < 5,
              !attachers.contains(lower[index]), !Grammar.stops.contains(lower[index]) || isTitle(lower[index]) {
            // Capitalised: a title or an ordinary word of a title-cased role ("Staff Writer", "Chief Meteorologist"),
            // else a name ("the U.S. national security adviser": a place before the role).
            if tokens[index].kind != .word || isCapitalized(tokens[index]) && !isTitle(lower[index]) && !Gazetteer.isCommonWord(lower[index]) {
                guard words.isEmpty else { break }
            } else if words.isEmpty, lower[index].hasSuffix("'s") || lower[index].hasSuffix("\u{2019}s") {
                // "the bank's chief equity strategist": the employer, not the role.
            } else {
                words.append(lower[index])
                titleCased = titleCased && isCapitalized(tokens[index])
            }
            index += 1
        }
        guard let last = words.last, index >= lower.count || tokens[index].kind == .punctuation || attachers.contains(lower[index]),
              isTitle(last) || isTradeNoun(last) && (determined || titleCased || words.contains(where: isTitle)) else { return nil }
        return words.joined(separator: " ")
    }

    /// Words that attach something to a role: "chief executive of Lumivane", "strategist at Halden Wealth".
    private static let attachers: Set<String> = ["of", "at", "for", "in", "with", "who", "whose", "which", "and", "from", "on"]

    /// A noun of a person's trade by its ending: "demographer", "strategist", "meteorologist", "spokesman".
    private static func isTradeNoun(_ word: String) -> Bool {
        word.count > 5 && ["er", "or", "ist", "ian", "ant", "ent", "man", "woman"].contains { word.hasSuffix($0) }
    }

    // MARK: - Places and organisations

    /// What the sentence says about a name that has no head word: an
    /// organisation when it is set in apposition to an organisation noun
    /// ("Corvane, a Seattle startup"), named by one ("the insurer Aviva",
    /// "rival Chrysler"), followed by what only organisations have ("Ipsos
    /// poll", "Spotify's shares", "Veloria's chief executive"), or where
    /// people work ("analysts at Rabobank", "worked at Chrysler").
    static func organisationContext(_ run: Run) -> Bool {
        let lower = run.sentence.lower, tokens = run.sentence.tokens
        let after = run.last + 1
        func word(_ index: Int) -> String { index >= 0 && index < lower.count ? lower[index] : "" }
        // Apposition: ", a Seattle-based startup", ", the company".
        if word(after) == ",", ["a", "an", "the"].contains(word(after + 1)) {
            var index = after + 2
            var head = ""
            while index < lower.count, index - after < 8, tokens[index].kind == .word, !Grammar.stops.contains(lower[index]) {
                head = lower[index]
                index += 1
            }
            if organisationNouns.contains(head) { return true }
        }
        // A possessive or a noun after the name that only an organisation has.
        let next = word(after) == "'s" || word(after) == "’s" || run.words.last.map({ $0.hasSuffix("'s") || $0.hasSuffix("’s") }) == true
            ? word(after + (word(after).hasSuffix("s") && word(after).count == 2 ? 1 : 0)) : word(after)
        if organisationProperties.contains(next) { return true }
        // "the insurer Aviva", "rival Chrysler", "pollster Ipsos".
        let previous = word(run.first - 1)
        if organisationNouns.contains(previous) { return true }
        // "according to Ballotpedia": a source no person's name is a publisher or institution.
        if previous == "to", word(run.first - 2) == "according", run.words.count == 1 { return true }
        // "told The Verge", "told the BBC": a person is told without an article; a newsroom with one.
        if previous == "the", ["told", "tells", "telling"].contains(word(run.first - 2)) { return true }
        // "said on LinkedIn", "posted on X": where something is said is a platform.
        if previous == "on", ["said", "says", "posted", "wrote", "announced", "shared"].contains(word(run.first - 2)) { return true }
        // "analysts at Rabobank", "worked at Chrysler", "shares of Veloria".
        if ["at", "for", "with", "of"].contains(previous) {
            let before = word(run.first - 2)
            if ["analysts", "economists", "strategists", "researchers", "executives", "engineers", "employees", "workers",
                "worked", "works", "joined", "left", "shares", "stock", "spokesperson", "spokesman", "spokeswoman"].contains(before) {
                return true
            }
        }
        return false
    }

    /// Whether a text is about sport: its words for matches and players recur.
    static func isAboutSport(_ sentences: [TokenizedSentence]) -> Bool {
        var count = 0
        for sentence in sentences {
            for word in sentence.lower where sportsWords.contains(word) { count += 1 }
            if count >= 4 { return true }
        }
        return false
    }

    static let sportsWords: Set<String> = [
        "goal", "goals", "match", "league", "striker", "midfielder", "goalkeeper", "defender", "fixture", "kickoff",
        "playoff", "playoffs", "quarterback", "touchdown", "innings", "wicket", "halftime", "stoppage",
    ]

    /// Where a single name in a sports story is a team: "against Benfica", "beat Porto", "joined from
    /// Feyenoord", "Arsenal's manager", "Benfica fans".
    static func teamContext(_ run: Run) -> Bool {
        let lower = run.sentence.lower
        func word(_ index: Int) -> String { index >= 0 && index < lower.count ? lower[index] : "" }
        let previous = word(run.first - 1), next = word(run.last + 1)
        if ["against", "beat", "beating", "defeated", "faced", "hosts", "hosted", "visit", "visited", "joined", "v", "vs"].contains(previous) {
            return true
        }
        if previous == "from", ["joined", "signed", "arrived", "moved", "move", "transfer", "switch", "loan"].contains(word(run.first - 2)) { return true }
        if previous == "for", ["games", "goals", "appearances", "matches", "played", "plays", "playing", "scored", "signed"].contains(word(run.first - 2)) {
            return true
        }
        let after = next == "'s" || next == "’s" || run.words[0].hasSuffix("'s") || run.words[0].hasSuffix("’s") ? word(run.last + 2) : next
        return ["manager", "coach", "fans", "supporters", "squad", "academy", "striker", "midfielder", "defender",
                "goalkeeper", "captain", "boss", "side"].contains(after)
    }

    /// Nouns that name an organisation's kind.
    static let organisationNouns: Set<String> = [
        "company", "firm", "group", "startup", "start-up", "maker", "manufacturer", "retailer", "bank", "lender", "insurer",
        "carrier", "airline", "broker", "brokerage", "union", "party", "club", "team", "agency", "network", "platform",
        "developer", "publisher", "outlet", "newspaper", "website", "automaker", "carmaker", "chipmaker", "supplier",
        "operator", "utility", "conglomerate", "giant", "rival", "subsidiary", "grocer", "supermarket", "chain", "pollster", "consultancy", "fund", "charity",
        "nonprofit", "non-profit", "watchdog", "regulator", "exchange", "studio", "label", "distributor", "contractor",
    ]

    /// Nouns after a name (or its possessive) that only an organisation has.
    static let organisationProperties: Set<String> = [
        "poll", "survey", "shares", "stock", "spokesperson", "spokesman", "spokeswoman", "ceo", "executives", "board",
        "headquarters", "employees", "workforce", "subscribers", "customers", "users", "app", "platform", "shareholders",
        "earnings", "revenue", "profits", "stores", "factories", "plant", "subsidiary", "layoffs", "chief",
    ]

    private static func isPlaceName(_ lowered: [String], _ words: [String]) -> Bool {
        let joined = lowered.joined(separator: " ")
        if Gazetteer.places.contains(joined) { return true }
        // "Harris County", "Poudre River", "Korean Peninsula".
        if lowered.count > 1, geographicHeads.contains(lowered[lowered.count - 1]), !lowered.contains("of") { return true }
        // "Sea of Japan", "Gulf of Mexico".
        if lowered.count > 2, geographicHeads.contains(lowered[0]), lowered[1] == "of" { return true }
        // "River Osk", "Port Calder": a head before one or two names.
        if (2...3).contains(lowered.count), leadingGeographicHeads.contains(lowered[0]), !lowered.contains("of"),
           lowered.dropFirst().allSatisfy({ !isTitle($0) && !Gazetteer.isCommonWord($0) || Gazetteer.places.contains($0) }) { return true }
        // "South Texas", "Northern California", "East Asia".
        if lowered.count > 1, compass.contains(lowered[0]), Gazetteer.places.contains(lowered.dropFirst().joined(separator: " ")) { return true }
        return false
    }

    private static func isOrganisationName(_ lowered: [String], _ words: [String]) -> Bool {
        guard words.count > 1 else { return false }
        if WordLists.organisationHeads.contains(words[words.count - 1]) { return true }
        // Sports clubs named after their town: "Leicester City", "Newcastle United", "Bristol Rovers";
        // not a town whose own name ends so ("Mexico City", "Kansas City").
        if words.count == 2, clubHeads.contains(lowered[1]), Gazetteer.cities[words[0]] != nil || Gazetteer.places.contains(lowered[0]),
           Gazetteer.cities[words.joined(separator: " ")] == nil, !Gazetteer.places.contains(lowered.joined(separator: " ")) { return true }
        // "Dunmore Athletic", "Brackley Rovers": heads no town's name ends with.
        if words.count == 2, clubOnlyHeads.contains(lowered[1]), !Gazetteer.places.contains(lowered.joined(separator: " ")) { return true }
        // "Department of Justice", "University of Michigan", "Bank of England", "Office for National Statistics".
        if lowered.count > 2, ["of", "for", "on"].contains(lowered[1]), WordLists.organisationHeads.contains(words[0])
            || WordLists.organisationHeads.contains(words[0].capitalized) { return true }
        if let of = lowered.firstIndex(where: { $0 == "of" || $0 == "for" }), of > 0,
           WordLists.organisationHeads.contains(words[of - 1]) { return true }
        return false
    }

    /// A single name where a place stands: "in Khojaly", "the town of Darende",
    /// "Austin, Texas", or a city the gazetteer knows after "in".
    private static func isPlaceSlot(_ run: Run) -> Bool {
        let lower = run.sentence.lower, tokens = run.sentence.tokens
        let first = run.first
        let previous = first > 0 ? lower[first - 1] : ""
        if ["in", "near", "outside", "across"].contains(previous) {
            return Gazetteer.cities[run.words[0]] != nil || !Gazetteer.isCommonWord(run.words[0]) && Gazetteer.surnames[run.words[0]] == nil
        }
        // "at Rabobank", "from Benfica": companies and clubs stand there as often as towns.
        if ["from", "at", "to"].contains(previous) { return Gazetteer.cities[run.words[0]] != nil }
        if first > 1, previous == "of", Grammar.placeNouns.contains(lower[first - 2]) { return true }
        // "Alina Paczkowski, 19, of Sylvania": a home town after a name or an age.
        if first > 1, previous == "of", tokens[first - 2].text == ",", run.words.count == 1,
           !Gazetteer.isCommonWord(run.words[0]), Gazetteer.surnames[run.words[0]] == nil || Gazetteer.cities[run.words[0]] != nil {
            return true
        }
        // "Austin, Texas" / "Bend, Ore.".
        if run.last + 2 < tokens.count, tokens[run.last + 1].text == ",",
           Gazetteer.usStates.contains(lower[run.last + 2]) || Gazetteer.stateAbbreviations[tokens[run.last + 2].text] != nil
            || Gazetteer.places.contains(lower[run.last + 2]) && Gazetteer.cities[run.words[0]] != nil {
            return true
        }
        return false
    }

    /// Places written in AP's compact forms, which no run of capitalised
    /// words shows: a lawmaker's party with a state or home town ("R-Ky.",
    /// "(D-N.Y.)", "R-Midland"), a state abbreviation after a city ("Memphis,
    /// Tenn.", "FORT COLLINS, Colo."), "-based" compounds ("Nashville-based",
    /// "San Francisco-based") and counties listed under one plural head
    /// ("Dallas, Tarrant and Collin counties").
    private static func compactPlaces(in sentence: TokenizedSentence, _ table: inout Table) {
        let tokens = sentence.tokens, lower = sentence.lower
        func add(_ name: String, _ first: Int, _ last: Int) {
            table.add(.place, name, Run(sentence: sentence, first: first, last: last, words: [name]), first, last)
        }
        func touching(_ index: Int) -> Bool {
            index + 1 < tokens.count && tokens[index + 1].utf8Range.lowerBound == tokens[index].utf8Range.upperBound
        }
        for (index, token) in tokens.enumerated() where token.kind == .word {
            let text = token.text
            if text.count >= 3, let dash = text.firstIndex(of: "-"), ["R", "D", "I"].contains(String(text[..<dash])) {
                // "R-S.D." is split at its dots; glue what touches it back on.
                var code = String(text[text.index(after: dash)...]), end = index
                while touching(end), tokens[end + 1].text == "." || tokens[end + 1].kind == .word && tokens[end + 1].text.count <= 2 {
                    end += 1
                    code += tokens[end].text
                }
                if let state = Gazetteer.stateAbbreviations[code] ?? Gazetteer.stateAbbreviations[code.replacingOccurrences(of: ".", with: "")] {
                    add(state, index, end)
                } else if code.first?.isUppercase == true, !code.contains("."),
                          Gazetteer.cities[code] != nil || Gazetteer.places.contains(code.lowercased()) {
                    add(code, index, end)
                }
                continue
            }
            // "Memphis, Tenn.": an AP abbreviation (it ends with a dot) after a capitalised name and a comma.
            if index >= 2, touching(index), tokens[index + 1].text == ".", tokens[index - 1].text == ",", isCapitalized(tokens[index - 2]),
               let state = Gazetteer.stateAbbreviations[text + "."] {
                add(state, index, index + 1)
                continue
            }
            if text.hasSuffix("-based"), text.count > 6 {
                let stem = String(text.dropLast(6))
                var name = stem, first = index
                // "San Francisco-based": capitalised words before the compound belong to the place.
                while first > 0, first > index - 2, isCapitalized(tokens[first - 1]), touchingSpace(tokens[first - 1], tokens[first]) {
                    let longer = tokens[first - 1].text + " " + name
                    guard Gazetteer.places.contains(longer.lowercased()) || Gazetteer.cities[longer] != nil else { break }
                    name = longer
                    first -= 1
                }
                if stem.first?.isUppercase == true, Gazetteer.places.contains(name.lowercased()) || Gazetteer.cities[name] != nil {
                    add(name, first, index)
                }
                continue
            }
            // Numbered roads: "Interstate 5", "State Route 530", "U.S. Highway 101".
            if ["interstate", "route", "highway"].contains(lower[index]), isCapitalized(token), index + 1 < tokens.count,
               tokens[index + 1].kind == .number {
                var first = index
                while first > 0, ["State", "U.S", "US", "County", "State-Route"].contains(tokens[first - 1].text) { first -= 1 }
                add(sentence.text(from: first, through: index + 1), first, index + 1)
                continue
            }
            if lower[index] == "counties" || lower[index] == "parishes", index > 0 {
                let head = lower[index] == "counties" ? "County" : "Parish"
                var names: [(String, Int)] = []
                var cursor = index - 1
                // "Texas counties" is a state's counties, not a county.
                while cursor >= 0, isCapitalized(tokens[cursor]), !Gazetteer.usStates.contains(lower[cursor]) {
                    names.append((tokens[cursor].text, cursor))
                    cursor -= 1
                    guard cursor >= 0, [",", "and", "or"].contains(lower[cursor]) else { break }
                    cursor -= 1
                    if cursor >= 0, lower[cursor] == "and" || lower[cursor] == "," { cursor -= 1 }
                }
                for (name, at) in names.reversed() { add(name + " " + head, at, at) }
            }
        }
    }

    /// Whether the run's first two or three words name a place or an
    /// organisation ("Pierce County Executive …"): its first word is then no opener.
    private static func startsWithName(_ run: Run) -> Bool {
        let lowered = run.lowered, words = run.words
        guard words.count > 2 else { return false }
        return (2...min(3, words.count - 1)).contains { length in
            let prefix = Array(lowered.prefix(length)), original = Array(words.prefix(length))
            return isPlaceName(prefix, original) || isOrganisationName(prefix, original)
        }
    }

    /// "4th", "21st", "117th".
    private static func isOrdinal(lower word: String) -> Bool {
        guard word.count >= 3, word.first?.isNumber == true else { return false }
        let suffix = word.suffix(2)
        return ["st", "nd", "rd", "th"].contains(String(suffix)) && word.dropLast(2).allSatisfy(\.isNumber)
    }

    /// Whether two tokens are separated by exactly one space.
    private static func touchingSpace(_ left: WordToken, _ right: WordToken) -> Bool {
        right.utf8Range.lowerBound == left.utf8Range.upperBound + 1
    }

    /// Clock and zone words that look like acronyms: "ET", "PDT", "PM".
    private static func isTimeWord(_ word: String) -> Bool {
        PageFurniture.timeOfDay.contains(word.lowercased())
    }

    /// All-capital words that are not organisations: titles, units, common
    /// abbreviations, and ordinary words set in capitals ("HOST", "BREAK").
    private static func isPlainCapitals(_ word: String) -> Bool {
        let lower = word.lowercased()
        return isTimeWord(word) || notOrganisations.contains(lower) || (word.count >= 4 && Gazetteer.isCommonWord(lower))
    }

    static let notOrganisations: Set<String> = [
        "ceo", "cfo", "coo", "cto", "ai", "gps", "gdp", "gaap", "ci", "arr", "ev", "evs", "ipo", "etf", "tv", "dna", "id",
        "iq", "vat", "ok", "usb", "pc", "faq", "pdf", "url", "mp", "mps", "pr", "hr", "it", "qa", "r", "d", "i",
        "covid", "hiv", "aids", "lgbt", "lgbtq", "nft", "api", "ui", "vr", "ar", "lng", "bcm", "kwh", "mw", "gw", "mph", "ac",
    ]

    /// Countries newswire names by their initials (the run keeps no final dot: "U.S").
    private static let countryAcronyms: [String: String] = [
        "US": "United States", "U.S": "United States", "U.S.": "United States", "USA": "United States",
        "UK": "United Kingdom", "U.K": "United Kingdom", "U.K.": "United Kingdom", "UAE": "United Arab Emirates",
    ]

    private static func isAllCapitals(_ word: String) -> Bool {
        !word.unicodeScalars.contains { $0.properties.isLowercase }
    }

    static func isAcronym(_ word: String) -> Bool {
        word.count >= 2 && word.count <= 6 && word.unicodeScalars.allSatisfy { $0.properties.isUppercase || ("0"..."9").contains($0) || $0 == "." }
            && word.unicodeScalars.contains { $0.properties.isUppercase }
    }

    /// Whether every word is a known place or organisation ("The Hague").
    private static func whole(_ run: Run, isKnown: Bool) -> Bool {
        let joined = run.lowered.joined(separator: " ")
        return Gazetteer.places.contains(joined) || WordLists.organisations.contains(joined)
    }

    /// `KHOJALY, Azerbaijan (Reuters) -`: a capitalised place at the start of a sentence, then a comma.
    private static func isDateline(_ run: Run) -> Bool {
        run.first == 0 && run.last + 1 < run.sentence.tokens.count && run.sentence.tokens[run.last + 1].text == ","
            || run.first == 0 && run.last + 1 < run.sentence.tokens.count && run.sentence.tokens[run.last + 1].text == "("
    }

    /// The acronym in parentheses right after a run: "People's Democratic Party (PDP)".
    private static func acronymAfter(_ run: Run) -> String? {
        let tokens = run.sentence.tokens
        let open = run.last + 1
        guard open + 2 < tokens.count, tokens[open].text == "(", tokens[open + 2].text == ")", isAcronym(tokens[open + 1].text),
              !isTimeWord(tokens[open + 1].text) else { return nil }   // "(PDT)" is a time zone
        return tokens[open + 1].text
    }

    /// An acronym's spelled-out form, looked up once per text, where it is
    /// used: within 40 sentences either way (all of any article).
    private static func definition(of acronym: String, near sentence: TokenizedSentence, in sentences: [TokenizedSentence],
                                   _ table: inout Table) -> String? {
        if let known = table.definitions[acronym] { return known }
        let here = sentences.firstIndex { $0.sentence.utf8Range == sentence.sentence.utf8Range } ?? 0
        let window = Array(sentences[max(0, here - 40)..<min(sentences.count, here + 40)])
        let found = acronymDefinition(acronym, in: window)
        table.definitions[acronym] = .some(found)
        return found
    }

    /// A phrase of the text whose initials spell the acronym ("Russian peacekeeping contingent" for RPC).
    private static func acronymDefinition(_ acronym: String, in sentences: [TokenizedSentence]) -> String? {
        let letters = acronym.lowercased().filter { $0 != "." }.map { $0 }
        guard letters.count >= 2 else { return nil }
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

    /// The token index of the run's `wordIndex`-th word (runs skip dots and connectors' punctuation).
    private static func tokenIndex(of wordIndex: Int, in run: Run) -> Int {
        var seen = -1
        for index in run.first...run.last where run.sentence.tokens[index].kind == .word {
            seen += 1
            if seen == wordIndex { return index }
        }
        return run.last
    }

    static func isTitle(_ word: String) -> Bool {
        WordLists.roles.contains(word) || abbreviations[word] != nil || titleWords.contains(word)
    }

    /// Title abbreviations as AP writes them, with the title a table shows.
    static let abbreviations: [String: String] = [
        "sen": "senator", "sens": "senators", "rep": "representative", "reps": "representatives", "gov": "governor",
        "lt": "lieutenant", "gen": "general", "col": "colonel", "maj": "major", "capt": "captain", "sgt": "sergeant",
        "adm": "admiral", "cmdr": "commander", "dr": "dr", "prof": "professor", "rev": "reverend", "supt": "superintendent",
        "det": "detective", "insp": "inspector", "mr": "mr", "mrs": "mrs", "ms": "ms", "hon": "honourable", "pres": "president",
        "atty": "attorney", "cllr": "councillor", "msgr": "monsignor", "st": "st", "mt": "mt", "ft": "ft", "gov.": "governor", "sen.": "senator", "rep.": "representative",
    ]

    /// Titles beyond the role list: nameparser's English titles, for names
    /// written with them ("Premier Doug Ferris", "Justice Elena Ruiz").
    private static let titleWords: Set<String> = {
        Gazetteer.honorifics.filter { !["count", "miss", "private", "chief", "dean", "will", "grand", "royal", "his", "her"].contains($0) }
            .union(["premier", "chancellor", "speaker", "congressman", "congresswoman", "senator", "minister", "coach", "manager", "sheriff",
                    "superintendent", "treasurer", "councilman", "councilwoman", "councillor", "councilor", "assemblyman",
                    "assemblywoman", "delegate", "trustee", "chief"])
    }()

    /// Second words of clubs named after their town.
    static let clubHeads: Set<String> = [
        "united", "city", "rovers", "athletic", "wanderers", "albion", "hotspur", "rangers", "fc",
    ]

    /// Second words only clubs have.
    static let clubOnlyHeads: Set<String> = ["athletic", "rovers", "wanderers", "albion", "hotspur", "fc", "afc"]

    /// Last words of names of places: "Poudre River", "Harris County", "Korean Peninsula".
    static let geographicHeads: Set<String> = [
        "river", "sea", "canyon", "lake", "mountains", "mountain", "mount", "bay", "gulf", "strait", "straits", "peninsula",
        "valley", "island", "islands", "coast", "desert", "ocean", "channel", "county", "parish", "province", "region",
        "basin", "delta", "plains", "highlands", "forest", "falls", "creek", "harbor", "harbour", "sound", "plateau",
        "borough", "township", "prefecture", "oblast", "governorate", "territory", "territories", "heights", "range",
        // Facilities and sites: "Helsinki Olympic Stadium", "Narrows Campground", "Villa Park".
        "stadium", "arena", "park", "campground", "airport", "bridge", "square", "dam", "canal", "reservoir", "beach",
        // Roads and passes: "Anthony Wayne Trail", "Snoqualmie Pass", "Harbour Road", "Quay Street".
        "trail", "highway", "freeway", "expressway", "parkway", "turnpike", "pass", "road", "street", "lane", "avenue", "boulevard",
        "row", "drive", "junction", "hills", "point",
    ]

    /// First words of names of places, British and older style: "River Osk", "Lake Geneva", "Mount Vernon", "Port Calder".
    static let leadingGeographicHeads: Set<String> = ["river", "lake", "mount", "mt", "loch", "cape", "isle", "port", "fort", "point"]

    /// Compass words before a place: "South Texas", "Northern California".
    static let compass: Set<String> = [
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
        "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
        "upper", "lower", "greater", "inner", "outer",
    ]

    /// Last words of named events, laws, holidays and works: "World Cup", "Voting Rights Act", "Labor Day".
    static let eventHeads: Set<String> = [
        "war", "cup", "act", "day", "census", "games", "olympics", "championship", "championships", "bill", "law",
        "week", "edition", "fire", "storm", "hurricane", "quarter", "report", "statements", "highlights", "call",
        "conference", "festival", "prize", "award", "awards", "summit", "election", "elections", "primary", "series",
        "tour", "open", "marathon", "crisis", "accord", "accords", "agreement", "treaty", "plan", "amendment",
        "playlist", "transcript", "index", "composite", "average", "futures", "release", "contact", "relations",
    ]
}
