import RevtrackCore
import Testing

/// Edit kinds as a reader ranks them (issue 19): a change of meaning is never
/// a typo, a typo turns a misspelling into a word, and tense or number of one
/// word is wording. News-style sentences, one edit each.
@Suite("Edit kinds")
struct EditKindTableTests {
    @Test("each edit gets the kind a fact-checker would give it", arguments: [
        // Cosmetic: punctuation, case, quote style, spacing.
        ("The minister said talks would resume.", "The minister said talks would resume", EditKind.cosmetic),
        ("The Minister said talks would resume.", "The minister said talks would resume.", .cosmetic),
        ("He called it \"a disgrace.\"", "He called it “a disgrace.”", .cosmetic),
        ("Officials met on  Friday.", "Officials met on Friday.", .cosmetic),
        ("Prices rose - sharply - in May.", "Prices rose — sharply — in May.", .cosmetic),
        // Typo: a misspelt word becomes a word.
        ("The goverment announced new rules.", "The government announced new rules.", .typo),
        ("Rescuers recieved the call at dawn.", "Rescuers received the call at dawn.", .typo),
        ("The comittee will meet again.", "The committee will meet again.", .typo),
        ("Police said the suspect was arested.", "Police said the suspect was arrested.", .typo),
        ("It was a humanitrian corridor.", "It was a humanitarian corridor.", .typo),
        ("The seperate inquiry begins in March.", "The separate inquiry begins in March.", .typo),
        ("Shares fell after the anouncement.", "Shares fell after the announcement.", .typo),
        ("The jugde dismissed the case.", "The judge dismissed the case.", .typo),
        // Wording: tense, number, synonyms, added or dropped words.
        ("Trump says the deal is done.", "Trump said the deal is done.", .wording),
        ("The official says the bridge is open.", "The officials say the bridge is open.", .wording),
        ("The storm killed many people.", "The storm killed dozens of people.", .wording),
        ("Residents fled the town.", "Residents left the town.", .wording),
        ("The company cut jobs.", "The company cut hundreds of jobs on Tuesday.", .wording),
        ("Police arrested a man.", "Police detained a man.", .wording),
        ("The mayor spoke to reporters.", "The mayor spoke to reporters outside City Hall.", .wording),
        ("Rain is expected later.", "Rain is likely later.", .wording),
        ("The vote was close.", "The vote was tight.", .wording),
        ("He will travel to Paris.", "He will travel to Paris next week.", .wording),
        ("The form was sent.", "The from was sent.", .wording),          // a word into another word is no typo
        // Meaning: negation added or removed.
        ("The ministry would now release the files.", "The ministry would not release the files.", .meaning),
        ("Officials said the dam had failed.", "Officials said the dam had not failed.", .meaning),
        ("The senator does support the bill.", "The senator doesn't support the bill.", .meaning),
        ("He has never met the envoy.", "He has met the envoy.", .meaning),
        ("Troops entered with permission.", "Troops entered without permission.", .meaning),
        ("There is evidence of fraud.", "There is no evidence of fraud.", .meaning),
        // Meaning: antonyms.
        ("The bridge was safe.", "The bridge was unsafe.", .meaning),
        ("Sales rose 5% in May.", "Sales fell 5% in May.", .meaning),
        ("The jury found him guilty.", "The jury found him innocent.", .meaning),
        ("The court accepted the appeal.", "The court rejected the appeal.", .meaning),
        ("Turnout was higher than in 2020.", "Turnout was lower than in 2020.", .meaning),
        ("Unemployment went up in the spring.", "Unemployment went down in the spring.", .meaning),
        ("The team won the final.", "The team lost the final.", .meaning),
        ("The measure was legal.", "The measure was illegal.", .meaning),
        ("Exports increased sharply.", "Exports decreased sharply.", .meaning),
        // Meaning: modality and attribution.
        ("The plant will close next year.", "The plant may close next year.", .meaning),
        ("Officials confirmed the deaths.", "Officials reported the deaths.", .meaning),
        ("The company said the data was safe.", "The company claimed the data was safe.", .meaning),
        ("Investigators must publish the report.", "Investigators could publish the report.", .meaning),
        ("Police said he fired first.", "Police alleged he fired first.", .meaning),
    ])
    func kind(_ old: String, _ new: String, _ expected: EditKind) {
        #expect(EditKind.classify(old: old, new: new) == expected, "\(old) → \(new)")
    }

    @Test("kinds rank meaning first and cosmetic last")
    func ranking() {
        #expect(EditKind.allCases.sorted(by: >) == [.meaning, .fact, .wording, .typo, .cosmetic])
    }
}
