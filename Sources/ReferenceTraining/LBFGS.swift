import ReferenceParser
import DossierText
import DossierText

/// Limited-memory BFGS minimisation with a backtracking (Armijo) line search: deterministic, dependency-free,
/// for the CRF's smooth objective over a few million parameters.
package struct LBFGS {
    /// Correction pairs kept.
    var memory = 8
    /// Stops when the objective improves by less than this share over `patience` iterations.
    var tolerance = 1e-5
    var patience = 5

    /// Minimises `objective` (value and gradient at a point) from `start`, for at most `iterations` steps.
    /// `afterIteration` gets the iteration number, the value and the current point.
    func minimize(_ start: [Double], iterations: Int, objective: ([Double]) -> (value: Double, gradient: [Double]),
                  afterIteration: (Int, Double, [Double]) -> Void) -> [Double] {
        var x = start
        var (value, gradient) = objective(x)
        var steps: [[Double]] = []
        var changes: [[Double]] = []
        var history: [Double] = [value]
        for iteration in 1...max(iterations, 1) {
            var direction = LBFGS.direction(gradient, steps: steps, changes: changes)
            var slope = LBFGS.dot(gradient, direction)
            if slope >= 0 {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                steps.removeAll()
                changes.removeAll()
                direction = gradient.map { -$0 }
                slope = LBFGS.dot(gradient, direction)
            }
            var stepSize = steps.isEmpty ? 1 / max(LBFGS.dot(gradient, gradient).squareRoot(), 1e-12) : 1
            var accepted: (x: [Double], value: Double, gradient: [Double])?
            for _ in 0..<30 {
                let candidate = zip(x, direction).map { $0 + stepSize * $1 }
                let (candidateValue, candidateGradient) = objective(candidate)
                if candidateValue <= value + 1e-4 * stepSize * slope {
                    accepted = (candidate, candidateValue, candidateGradient)
                    break
                }
                stepSize *= 0.5
            }
            guard let next = accepted else { break }
            let step = zip(next.x, x).map { $0 - $1 }
            let change = zip(next.gradient, gradient).map { $0 - $1 }
            if LBFGS.dot(step, change) > 1e-10 {
                steps.append(step)
                changes.append(change)
                if steps.count > memory {
                    steps.removeFirst()
                    changes.removeFirst()
                }
            }
            x = next.x
            value = next.value
            gradient = next.gradient
            history.append(value)
            afterIteration(iteration, value, x)
            if history.count > patience {
                let earlier = history[history.count - 1 - patience]
                if (earlier - value) / max(abs(value), 1) < tolerance { break }
            }
        }
        return x
    }

    /// −H·gradient by the two-loop recursion over the stored pairs.
    static func direction(_ gradient: [Double], steps: [[Double]], changes: [[Double]]) -> [Double] {
        var q = gradient
        var alphas = [Double](repeating: 0, count: steps.count)
        var rhos = [Double](repeating: 0, count: steps.count)
        for index in steps.indices.reversed() {
            rhos[index] = 1 / dot(changes[index], steps[index])
            alphas[index] = rhos[index] * dot(steps[index], q)
            axpy(-alphas[index], changes[index], &q)
        }
        if let lastStep = steps.last, let lastChange = changes.last {
            let scale = dot(lastStep, lastChange) / max(dot(lastChange, lastChange), 1e-12)
            for index in q.indices { q[index] *= scale }
        }
        for index in steps.indices {
            let beta = rhos[index] * dot(changes[index], q)
            axpy(alphas[index] - beta, steps[index], &q)
        }
        return q.map { -$0 }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                for index in 0..<min(a.count, b.count) { sum += a[index] * b[index] }
            }
        }
        return sum
    }

    /// y += a·x
    static func axpy(_ a: Double, _ x: [Double], _ y: inout [Double]) {
        x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                for index in 0..<min(x.count, y.count) { y[index] += a * x[index] }
            }
        }
    }
}
