import Foundation
import Testing
import RevtrackTestSupport
import RevtrackText

func sentences(_ text: String) -> [String] {
    SentenceSegmenter.segment(text).sentences.map(\.normalized)
}

@Suite("Sentence segmentation")
struct SentenceSegmenterTests {
    @Test("news prose: abbreviations, initials, numbers, quotes, ellipses", arguments: [
        ("Gen. Valery Gerasimov met Col. Ivanov in the U.S. capital. Talks ended.",
         ["Gen. Valery Gerasimov met Col. Ivanov in the U.S. capital.", "Talks ended."]),
        ("Washington has imposed sanctions on the U.S. The move angered Moscow.",
         ["Washington has imposed sanctions on the U.S.", "The move angered Moscow."]),
        ("J. R. R. Tolkien wrote it. George W. Bush read it.", ["J. R. R. Tolkien wrote it.", "George W. Bush read it."]),
        ("Inflation rose 3.5% to $1.2 billion. Shares fell 0.4 percent.",
         ["Inflation rose 3.5% to $1.2 billion.", "Shares fell 0.4 percent."]),
        ("The vote is set for Jan. 6 at 9 a.m. local time. Dr. Smith agreed.",
         ["The vote is set for Jan. 6 at 9 a.m. local time.", "Dr. Smith agreed."]),
        ("\"We will not leave,\" he said. \"Never.\"", ["\"We will not leave,\" he said.", "\"Never.\""]),
        ("\"Is this the end?\" she asked. Nobody answered.", ["\"Is this the end?\" she asked.", "Nobody answered."]),
        ("“The task is done.” Nikiforov left. It rained.", ["“The task is done.”", "Nikiforov left.", "It rained."]),
        ("He paused... and went on. Then... Silence!", ["He paused... and went on.", "Then...", "Silence!"]),
        ("Apple Inc. said profit rose. Acme Corp. The company declined to comment.",
         ["Apple Inc. said profit rose.", "Acme Corp.", "The company declined to comment."]),
        ("Troops left (the last convoy departed at dawn.) Officials confirmed it.",
         ["Troops left (the last convoy departed at dawn.)", "Officials confirmed it."]),
        ("See No. 5 and Art. 50 of the treaty, e.g. Russia. Done.", ["See No. 5 and Art. 50 of the treaty, e.g. Russia.", "Done."]),
        ("KHOJALY, Azerbaijan (Reuters) - Russia shut a base. It left.",
         ["KHOJALY, Azerbaijan (Reuters) - Russia shut a base.", "It left."]),
        ("Why now? Because the U.N.-brokered deal expired.", ["Why now?", "Because the U.N.-brokered deal expired."]),
        ("Prices hit 2,000 in 2023. 2024 was calmer.", ["Prices hit 2,000 in 2023.", "2024 was calmer."]),
        // Scraped teasers glue sentences; addresses and decimals stay whole.
        ("Talks stalled in Russia.After a call, leaders met.", ["Talks stalled in Russia.", "After a call, leaders met."]),
        ("It was \"a bet on the future.\"The largest bank agreed.", ["It was \"a bet on the future.\"", "The largest bank agreed."]),
        ("Write to Jane.Doe@example.com or see example.Com/news. Then wait.",
         ["Write to Jane.Doe@example.com or see example.Com/news.", "Then wait."]),
        ("The U.S.Army and ASP.NET stayed. Rates hit 3.5.", ["The U.S.Army and ASP.NET stayed.", "Rates hit 3.5."]),
        // Datelines with AP state abbreviations; the abbreviation can still end a sentence.
        ("ARLINGTON, Va. -- Since the storm, crews worked.", ["ARLINGTON, Va. -- Since the storm, crews worked."]),
        ("He lives in Lexington, Ky. The next day he left.", ["He lives in Lexington, Ky.", "The next day he left."]),
        ("She felt ill. Doctors came.", ["She felt ill.", "Doctors came."]),
        // Spaced ellipses in quotations, and a list run into one paragraph.
        ("He said \"we will . . . see\" and left. Then . . . . Nothing.", ["He said \"we will . . . see\" and left.", "Then . . . .", "Nothing."]),
        ("Steps: 1. Open the valve. 2. Wait an hour.", ["Steps: 1. Open the valve.", "2. Wait an hour."]),
        ("1. Open the valve 2. Wait an hour 3. Close it", ["1. Open the valve", "2. Wait an hour", "3. Close it"]),
        ("In 2. The second round began.", ["In 2.", "The second round began."]),
    ])
    func table(_ text: String, _ expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test("each line is a paragraph; headlines and captions without full stops are sentences")
    func paragraphs() {
        let text = "Troops leave Karabakh\nBy Jane Doe\n\nKHOJALY (Reuters) - Russia left. It was quiet.\nPHOTO: a base"
        let segmented = SentenceSegmenter.segment(text)
        #expect(segmented.sentences.map(\.paragraph) == [0, 1, 2, 2, 3])
        #expect(segmented.paragraphCount == 4)
        #expect(segmented.sentences.map(\.text) == ["Troops leave Karabakh", "By Jane Doe", "KHOJALY (Reuters) - Russia left.", "It was quiet.", "PHOTO: a base"])
    }

    @Test("hard-wrapped text joins lines inside blank-line paragraphs")
    func wrapped() {
        let text = """
            Russia shut down a military base in Azerbaijan on
            Wednesday where nearly 2,000 of its troops had been
            deployed. The base was in Khojaly.

            Armenia was not represented at the
            ceremony.
            """
        let segmented = SentenceSegmenter.segment(text)
        #expect(segmented.sentences.map(\.normalized) == [
            "Russia shut down a military base in Azerbaijan on Wednesday where nearly 2,000 of its troops had been deployed.",
            "The base was in Khojaly.", "Armenia was not represented at the ceremony."])
        #expect(segmented.sentences.map(\.paragraph) == [0, 0, 1])
    }

    @Test("ranges point at the exact text, also as Unicode scalar offsets")
    func ranges() {
        let text = "  “Ünïcode” first. Second — here.\n\nThird "
        let segmented = SentenceSegmenter.segment(text)
        let bytes = Array(text.utf8)
        for sentence in segmented.sentences {
            #expect(String(decoding: bytes[sentence.utf8Range], as: UTF8.self) == sentence.text)
        }
        let scalars = Array(text.unicodeScalars)
        for (sentence, range) in zip(segmented.sentences, segmented.scalarRanges()) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            #expect(String(view) == sentence.text)
        }
        #expect(segmented.scalarRanges().first == 2..<18)
    }

    @Test("the Reuters sample", .tags(.samples))
    func reutersSample() throws {
        let segmented = SentenceSegmenter.segment(try sampleText("karabakh/reuters.txt"))
        #expect(segmented.paragraphCount == 13)
        #expect(segmented.sentences.map(\.text) == [
            "Russian troops leave Karabakh, now back under Azerbaijan's control",
            "PHOTO CAPTION: Russian service members attend a base closing ceremony in the course of peacekeeping troops' withdrawal from the territory of Karabakh region and areas nearby, in Khojaly, Azerbaijan May 15, 2024.",
            "REUTERS/Aziz Karimov",
            "By Nailia Bagirova",
            "KHOJALY, Azerbaijan (Reuters) - Russia shut down a military base in Azerbaijan on Wednesday where nearly 2,000 of its troops had been deployed, after Azeri forces recaptured the area last year despite a two-year Russian mission to prevent war between Azerbaijan and Armenia.",
            "A total of 1,960 Russian peacekeepers had been housed in 10 barracks at the base in Khojaly, a town in the Karabakh region.",
            "Despite the deployment, Azerbaijan recaptured Karabakh in a lightning offensive last September, prompting an exodus of 100,000 ethnic Armenians who had enjoyed de facto independence since breaking away in the 1990s in the first of two wars between the South Caucasus neighbours.",
            "\"The presence of Russian peacekeepers made it possible to establish peace on Azerbaijani soil,\" Russian Colonel General Yevgeny Nikiforov said at the departure ceremony.",
            "Azerbaijan's chief of the general staff, Colonel General Kerim Valiyev, said Russia had made \"every effort to establish peace in the Karabakh economic region\" and bring decades of conflict to an end.",
            "Armenia has a very different take on Russia's role.",
            "It has accused Moscow of failing it by doing nothing to prevent Azerbaijan from taking Karabakh by force and conducting what it calls ethnic cleansing, something Azerbaijan denies.",
            "Armenia has suspended its participation in the Collective Security Treaty Organisation, a defence grouping of former Soviet states that is dominated by Russia.",
            "Armenia was not represented at Wednesday's ceremony, where folk dances and patriotic songs were performed and Russian troops departed to the strains of a military band.",
            "Nikiforov said the Russian force could take credit for providing humanitarian assistance, clearing more than 30,000 explosive devices, returning more than 110 prisoners of war and arranging the return of more than 1,900 fallen soldiers to the respective sides.",
            "\"The Russian military completed the task assigned to them,\" he said.",
            "(Reporting by Nailia Bagirova, Writing by Mark Trevelyan,; Editing by Ros Russell)",
        ])
    }

    @Test("the opinion sample", .tags(.samples))
    func opinionSample() throws {
        let segmented = SentenceSegmenter.segment(try sampleText("karabakh/opinion.txt"))
        #expect(segmented.paragraphCount == 7)
        let texts = segmented.sentences.map(\.text)
        #expect(texts.count == 26)
        #expect(segmented.sentences.map(\.paragraph) == [0] + Array(repeating: 1, count: 9) + Array(repeating: 2, count: 4)
            + Array(repeating: 3, count: 4) + Array(repeating: 4, count: 3) + Array(repeating: 5, count: 3) + [6, 6])
        #expect(texts[3] == "Equally important is the withdrawal of the Russian peacekeeping contingent—carried out calmly, without loud statements, political scandals, or what Russian Foreign Minister Sergey Lavrov referred to as “breaking pots.”")
        #expect(texts[17] == "However, there remains one more aspect—the perpetual hysteria of the “media mafia” sponsored by certain Western circles, under slogans like “the peacekeepers will never leave, we have given Karabakh to Russia forever, now we have a Russian military base on our territory,” and so on.")
        #expect(texts[19] == "One could honestly admit: yes, we were wrong, and it turned out that President Ilham Aliyev’s famous phrase “I know what, when, and how to do it” was fully justified.")
        #expect(texts[21...23] == ["But it is still interesting: how will these characters behave?", "Will they admit they were wrong?",
                                   "What will Sevinj Osmangyzy, who promised to say on air “Bravo, victorious Supreme Commander!” if the RPC is withdrawn from Azerbaijan, do?"])
        #expect(texts.last == "But we dare to assure you: this is not a case where silence is golden.")
    }
}

extension Tag {
    @Tag static var samples: Self
}


@Suite("Word tokens")
struct WordTokenizerTests {
    @Test("numbers, hyphens, contractions, acronyms and quotes")
    func tokens() {
        let tokens = WordTokenizer.tokenize("A total of 1,960 (3.5%) U.S.-led troops’ two-year mission — “don't,” he said...")
        #expect(tokens.map(\.text) == ["A", "total", "of", "1,960", "(", "3.5", "%", ")", "U.S", ".", "-", "led", "troops", "’",
                                       "two-year", "mission", "—", "“", "don't", ",", "”", "he", "said", "..."])
        #expect(tokens[3].kind == .number && tokens[4].kind == .punctuation && tokens[1].kind == .word)
        let sentence = "Azerbaijan’s 2,000 troops"
        for token in WordTokenizer.tokenize(sentence) {
            #expect(String(decoding: Array(sentence.utf8)[token.utf8Range], as: UTF8.self) == token.text)
        }
    }
}
