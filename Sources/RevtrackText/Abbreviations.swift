/// Word lists the segmenter consults at a full stop. Collected from the AP and
/// Reuters style guides' abbreviation entries and from common newswire usage.
enum Abbreviations {
    /// Titles and ranks: always followed by a name, never end a sentence.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "messrs", "mmes", "dr", "drs", "prof", "gen", "gens", "col", "lt", "sgt", "capt",
        "maj", "adm", "cmdr", "cdr", "brig", "cpl", "pvt", "spc", "ens", "gov", "govs", "sen", "sens", "rep",
        "reps", "rev", "msgr", "hon", "pres", "supt", "insp", "det", "atty", "amb", "fr", "sr", "sra", "st", "mt", "ft",
    ]

    /// Abbreviations usually followed by a number ("No. 5", "Jan. 6", "Art. 50").
    static let beforeNumbers: Set<String> = [
        "no", "nos", "art", "arts", "vol", "vols", "pp", "p", "fig", "figs", "ch", "sec", "secs", "para", "approx",
        "ca", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "nr", "tel", "ext",
    ]

    /// Abbreviations that can end a sentence as well as sit inside one.
    static let ambiguous: Set<String> = [
        "inc", "corp", "ltd", "co", "plc", "llc", "bros", "etc", "vs", "v", "jr", "dept", "est", "univ", "assn",
        "govt", "intl", "natl", "ave", "blvd", "rd", "hwy", "cf", "al",
    ]

    /// Never the end of a sentence, whatever follows ("e.g. Russia").
    static let neverFinal: Set<String> = ["e.g", "i.e", "viz", "approx", "cf"]

    /// Words that commonly open a sentence: after an ambiguous abbreviation or
    /// an initial, a following starter means the sentence really ended.
    static let sentenceStarters: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "or", "so", "yet", "in",
        "on", "at", "by", "for", "from", "to", "with", "as", "if", "when", "while", "after", "before", "since",
        "although", "though", "however", "meanwhile", "this", "that", "these", "those", "there", "here", "his",
        "her", "its", "their", "our", "my", "some", "many", "most", "several", "no", "not", "one", "two",
        "three", "officials", "police", "according", "earlier", "later", "last", "on", "now", "then", "still",
        "also", "both", "each", "all", "what", "who", "why", "how", "where", "despite", "under", "over", "during",
        "shares", "analysts",
    ]
}
