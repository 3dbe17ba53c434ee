/// The one-to-one pairing of rows and columns with the largest total score
/// (the Hungarian method, O(n³)): two outlets' sentences are paired so that
/// the pairs together fit best, not first come first served, where an early
/// sentence that fits two would take the one a later sentence needs.
enum Assignment {
    /// Pairs `(row, column)` with a positive score. `scores[row][column]`, 0 for none.
    static func maximizing(_ scores: [[Double]]) -> [(Int, Int)] {
        let rows = scores.count, columns = scores.first?.count ?? 0
        guard rows > 0, columns > 0 else { return [] }
        let n = max(rows, columns)
        let top = scores.lazy.flatMap { $0 }.max() ?? 0
        // As a minimum-cost problem on an n×n matrix, padded with zeros.
        func cost(_ row: Int, _ column: Int) -> Double {
            row < rows && column < columns ? top - scores[row][column] : top
        }
        var u = [Double](repeating: 0, count: n + 1), v = [Double](repeating: 0, count: n + 1)
        var match = [Int](repeating: 0, count: n + 1), way = [Int](repeating: 0, count: n + 1)
        for row in 1...n {
            match[0] = row
            var column0 = 0
            var minimum = [Double](repeating: .infinity, count: n + 1)
            var used = [Bool](repeating: false, count: n + 1)
            repeat {
                used[column0] = true
                let row0 = match[column0]
                var delta = Double.infinity, column1 = 0
                for column in 1...n where !used[column] {
                    let reduced = cost(row0 - 1, column - 1) - u[row0] - v[column]
                    if reduced < minimum[column] { minimum[column] = reduced; way[column] = column0 }
                    if minimum[column] < delta { delta = minimum[column]; column1 = column }
                }
                for column in 0...n {
                    if used[column] { u[match[column]] += delta; v[column] -= delta } else { minimum[column] -= delta }
                }
                column0 = column1
            } while match[column0] != 0
            repeat {
                let column1 = way[column0]
                match[column0] = match[column1]
                column0 = column1
            } while column0 != 0
        }
        var pairs: [(Int, Int)] = []
        for column in 1...n {
            let row = match[column] - 1, col = column - 1
            if row < rows, col < columns, scores[row][col] > 0 { pairs.append((row, col)) }
        }
        return pairs.sorted { $0.0 < $1.0 }
    }

    /// Pairs for a large problem: the best remaining pair first. Used when a
    /// cluster of candidate pairs is too big for the cubic method.
    static func greedy(_ candidates: [(row: Int, column: Int, score: Double)]) -> [(Int, Int)] {
        var usedRows = Set<Int>(), usedColumns = Set<Int>()
        var pairs: [(Int, Int)] = []
        for candidate in candidates.sorted(by: { ($0.score, -$0.row, -$0.column) > ($1.score, -$1.row, -$1.column) }) {
            guard !usedRows.contains(candidate.row), !usedColumns.contains(candidate.column) else { continue }
            usedRows.insert(candidate.row)
            usedColumns.insert(candidate.column)
            pairs.append((candidate.row, candidate.column))
        }
        return pairs.sorted { $0.0 < $1.0 }
    }
}
