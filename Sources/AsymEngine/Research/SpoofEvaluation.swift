import AsymCore
public import AsymSignals

/// Precision and recall of spoof detections against ground-truth wall labels.
///
/// A detection (an event with `isSpoof(threshold:)`) matches a label of the same side and price whose
/// appearance time is within `tolerance` of the detection's (the label's time is the generator's step,
/// the detection's the receive time of the book frame, ~0.1 ms later). Each label matches at most once.
/// A detection matching a spoof label is a true positive; matching a genuine wall, an already matched
/// label or nothing, a false positive. Spoof labels that had vanished by the end of the replayed recording
/// and appeared after its start are the positives; an unmatched one is a false negative. Spoofs still
/// resting at the end were never cancelled in the data and cannot be detected, so they are excluded
/// (and counted in `excludedSpoofs`).
public struct SpoofEvaluation: Sendable, Equatable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    /// Detections matching a genuine (traded) wall, a subset of `falsePositives`.
    public var genuineMatches = 0
    public var excludedSpoofs = 0
    public var genuineLabels = 0

    /// `tp / (tp + fp)`; 1 with no detections.
    public var precision: Double {
        truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }

    /// `tp / (tp + fn)`; 1 with no positives.
    public var recall: Double {
        truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }

    /// Scores `events` against `labels` for a recording spanning `span` (receive times, ns).
    public init(events: [SpoofEvent], labels: [SpoofLabel], threshold: Double, tolerance: Int64,
                span: ClosedRange<Int64>) {
        var used = [Bool](repeating: false, count: labels.count)
        for event in events where event.isSpoof(threshold: threshold) {
            let match = labels.indices.first { index in
                !used[index] && labels[index].side == event.side && labels[index].price == event.price.ticks
                    && abs(labels[index].appearedAt - event.appearedAt) <= tolerance
            }
            guard let match else {
                falsePositives += 1
                continue
            }
            used[match] = true
            if labels[match].isSpoof {
                truePositives += 1
            } else {
                falsePositives += 1
                genuineMatches += 1
            }
        }
        for (index, label) in labels.enumerated() {
            guard label.isSpoof else {
                genuineLabels += 1
                continue
            }
            guard let vanished = label.vanishedAt, vanished <= span.upperBound, label.appearedAt >= span.lowerBound else {
                excludedSpoofs += 1
                continue
            }
            if !used[index] { falseNegatives += 1 }
        }
    }
}
