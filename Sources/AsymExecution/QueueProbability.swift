/// The probability that a decrease of a level's quantity happened behind the order, given the lots in
/// `front` of it and `back` of it. Model: hftbacktest's `Probability` trait.
public protocol QueueProbability {
    func probability(front: Double, back: Double) -> Double
}
