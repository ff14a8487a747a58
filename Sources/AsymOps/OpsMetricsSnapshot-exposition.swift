import AsymCore
import AsymRisk

extension OpsMetricsSnapshot {
    /// The trading states in exposition order; the `switch` keeps this list complete when a state is added.
    private static let tradingStates: [TradingState] = {
        func listed(_ state: TradingState) -> TradingState {
            switch state {
            case .active, .reducing, .halted: state
            }
        }
        return [listed(.active), listed(.reducing), listed(.halted)]
    }()

    /// The snapshot as a Prometheus text exposition (format 0.0.4), every metric named `asym_…` with its unit.
    ///
    /// Every denial reason and every trading state is exported on each scrape, zero or not, so series never
    /// appear mid-run and `rate()`/`increase()` see their first change.
    public func prometheusText() -> String {
        var out = PrometheusTextWriter()

        if !version.isEmpty {
            out.family("asym_build_info", .gauge, help: "The running asym version (always 1).")
            out.sample("asym_build_info", labels: ["version": version], Int64(1))
        }
        out.family("asym_uptime_seconds", .gauge, help: "Seconds since the engine started.")
        out.sample("asym_uptime_seconds", uptimeSeconds)

        renderFeeds(into: &out)
        renderTrading(into: &out)

        out.family("asym_tick_to_decision_seconds", .histogram, help: "Frame received to risk verdict, seconds.")
        out.histogram("asym_tick_to_decision_seconds", tickToDecision)
        out.family("asym_frame_processing_seconds", .histogram,
                   help: "Engine-thread processing of one frame (ring pop to book and features updated), seconds.")
        out.histogram("asym_frame_processing_seconds", frameProcessing)

        out.family("asym_journal_enqueued_records_total", .counter, help: "Records the engine handed to the journal.")
        out.sample("asym_journal_enqueued_records_total", counter(journalEnqueuedRecordsTotal))
        out.family("asym_journal_durable_sequence", .gauge, help: "Sequence number of the last durable (fsynced) record.")
        out.sample("asym_journal_durable_sequence", journalDurableSequence)
        out.family("asym_journal_lag_records", .gauge, help: "Records enqueued but not yet durable.")
        out.sample("asym_journal_lag_records", journalLagRecords)

        out.family("asym_ai_rounds_total", .counter, help: "AI consensus rounds completed.")
        out.sample("asym_ai_rounds_total", counter(aiRoundsTotal))
        out.family("asym_ai_abstentions_total", .counter, help: "AI consensus rounds in which the model abstained.")
        for entry in aiAbstentions {
            out.sample("asym_ai_abstentions_total", labels: ["model": entry.model], counter(entry.count))
        }
        out.family("asym_ai_bias", .gauge,
                   help: "Published AI consensus bias: -1 full short to +1 full long, 0 when absent or expired.")
        for entry in aiBias { out.sample("asym_ai_bias", labels: ["symbol": entry.symbol], entry.bias) }
        return out.text
    }

    private func renderFeeds(into out: inout PrometheusTextWriter) {
        let counters: [(name: String, help: String, value: KeyPath<OpsFeedMetrics, Int64>)] = [
            ("asym_feed_frames_total", "Frames received from the venue.", \.framesTotal),
            ("asym_feed_decode_errors_total", "Frames that failed to decode.", \.decodeErrorsTotal),
            ("asym_feed_gaps_total", "Sequence gaps and checksum mismatches (each invalidated a book).", \.gapsTotal),
            ("asym_feed_resyncs_total", "Books restored by a snapshot after a gap.", \.resyncsTotal),
        ]
        for (name, help, value) in counters {
            out.family(name, .counter, help: help)
            for feed in feeds { out.sample(name, labels: ["venue": feed.venue.description], counter(feed[keyPath: value])) }
        }
        out.family("asym_frame_path_allocations_total", .counter,
                   help: "Allocations on the engine thread's frame path after warm-up (the budget is 0).")
        for feed in feeds {
            guard let allocations = feed.framePathAllocationsTotal else { continue }
            out.sample("asym_frame_path_allocations_total", labels: ["venue": feed.venue.description], counter(allocations))
        }
        out.family("asym_frame_path_frames_total", .counter,
                   help: "Frames over which the frame path's allocations were counted.")
        for feed in feeds where feed.framePathAllocationsTotal != nil {
            out.sample("asym_frame_path_frames_total", labels: ["venue": feed.venue.description],
                       counter(feed.framePathFramesTotal))
        }
        out.family("asym_feed_book_age_seconds", .gauge, help: "Seconds since the book's last update.")
        for feed in feeds {
            for book in feed.books {
                out.sample(
                    "asym_feed_book_age_seconds", labels: ["venue": feed.venue.description, "symbol": book.symbol],
                    book.ageSeconds)
            }
        }
    }

    private func renderTrading(into out: inout PrometheusTextWriter) {
        out.family("asym_signals_total", .counter, help: "Long or short signals the strategies emitted.")
        out.sample("asym_signals_total", counter(signalsTotal))
        out.family("asym_risk_approvals_total", .counter, help: "Entry intents the risk gate approved.")
        out.sample("asym_risk_approvals_total", counter(approvalsTotal))
        out.family("asym_risk_denials_total", .counter, help: "Entry intents the risk gate denied, by reason.")
        for reason in DenialReason.allCases {
            out.sample(
                "asym_risk_denials_total", labels: ["reason": reason.description], counter(denialsTotal[reason] ?? 0))
        }
        out.family("asym_orders_total", .counter, help: "Orders sent to the router (entries and exits).")
        out.sample("asym_orders_total", counter(ordersTotal))
        out.family("asym_fills_total", .counter, help: "Fills applied to positions.")
        out.sample("asym_fills_total", counter(fillsTotal))
        out.family("asym_order_rejects_total", .counter, help: "Orders the venue rejected.")
        out.sample("asym_order_rejects_total", counter(rejectsTotal))
        out.family("asym_position_quantity", .gauge,
                   help: "Signed position size in the base asset (positive long, negative short).")
        for position in positions {
            out.sample(
                "asym_position_quantity", labels: ["venue": position.venue.description, "symbol": position.symbol],
                position.quantity)
        }
        out.family("asym_equity_quote", .gauge, help: "Account equity at the last mark, quote currency.")
        out.sample("asym_equity_quote", equityQuote)
        out.family("asym_realised_pnl_quote", .gauge, help: "Realised PnL since start, after fees, quote currency.")
        out.sample("asym_realised_pnl_quote", realisedPnlQuote)
        out.family("asym_unrealised_pnl_quote", .gauge, help: "Unrealised PnL of open positions, quote currency.")
        out.sample("asym_unrealised_pnl_quote", unrealisedPnlQuote)
        out.family("asym_trading_state", .gauge,
                   help: "1 for the current trading state (active, reducing, halted), 0 for the others.")
        for state in Self.tradingStates {
            out.sample("asym_trading_state", labels: ["state": state.description], Int64(state == tradingState ? 1 : 0))
        }
    }

    /// Counters never go below zero in an exposition (Prometheus would read a drop as a reset).
    private func counter(_ value: Int64) -> Int64 { max(0, value) }
}
