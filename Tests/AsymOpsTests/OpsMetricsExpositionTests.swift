import AsymCore
import AsymOps
import AsymRisk
import Testing

@Suite("OpsMetricsSnapshot exposition")
struct OpsMetricsExpositionTests {
    private let metrics = OpsFixtures.metrics()

    private func parsed(_ metrics: OpsMetricsSnapshot) throws -> PrometheusExposition {
        try PrometheusExposition.parse(metrics.prometheusText())
    }

    @Test("the exposition parses strictly, every family is asym_-prefixed with HELP and TYPE")
    func expositionParsesStrictly() throws {
        let exposition = try parsed(metrics)
        #expect(exposition.order.count >= 25)
        for name in exposition.order {
            let family = try #require(exposition.families[name])
            #expect(name.hasPrefix("asym_"), "\(name)")
            #expect(family.type != nil, "\(name) has no TYPE")
            #expect(family.help?.isEmpty == false, "\(name) has no HELP")
        }
        // An engine with nothing connected yet still renders a valid exposition.
        _ = try parsed(OpsMetricsSnapshot())
    }

    @Test("feed counters and book ages are exported per venue")
    func feedCountersPerVenue() throws {
        let exposition = try parsed(metrics)
        for feed in metrics.feeds {
            let venue = ["venue": feed.venue.description]
            #expect(exposition.value("asym_feed_frames_total", venue) == Double(feed.framesTotal))
            #expect(exposition.value("asym_feed_decode_errors_total", venue) == Double(feed.decodeErrorsTotal))
            #expect(exposition.value("asym_feed_gaps_total", venue) == Double(feed.gapsTotal))
            #expect(exposition.value("asym_feed_resyncs_total", venue) == Double(feed.resyncsTotal))
            for book in feed.books {
                #expect(exposition.value("asym_feed_book_age_seconds", ["venue": feed.venue.description, "symbol": book.symbol])
                    == book.ageSeconds)
            }
        }
        #expect(exposition.samples("asym_feed_frames_total").count == metrics.feeds.count)
    }

    @Test("the frame path's allocation count is exported only for venues that count it")
    func framePathAllocationsPerCountingVenue() throws {
        let exposition = try parsed(metrics)
        #expect(exposition.value("asym_frame_path_allocations_total", ["venue": "bybit"]) == 0)
        #expect(exposition.value("asym_frame_path_frames_total", ["venue": "bybit"]) == 115_000)
        #expect(exposition.samples("asym_frame_path_allocations_total").count == 1, "okx cannot count: no sample")
        #expect(exposition.samples("asym_frame_path_frames_total").count == 1)
    }

    @Test("trading counters, every denial reason, positions, money and the labelled trading state")
    func tradingMetrics() throws {
        let exposition = try parsed(metrics)
        #expect(exposition.value("asym_signals_total") == Double(metrics.signalsTotal))
        #expect(exposition.value("asym_risk_approvals_total") == Double(metrics.approvalsTotal))
        #expect(exposition.samples("asym_risk_denials_total").count == DenialReason.allCases.count)
        for reason in DenialReason.allCases {
            #expect(exposition.value("asym_risk_denials_total", ["reason": reason.description])
                == Double(metrics.denialsTotal[reason] ?? 0))
        }
        #expect(exposition.value("asym_orders_total") == Double(metrics.ordersTotal))
        #expect(exposition.value("asym_fills_total") == Double(metrics.fillsTotal))
        #expect(exposition.value("asym_order_rejects_total") == Double(metrics.rejectsTotal))
        for position in metrics.positions {
            #expect(exposition.value("asym_position_quantity", ["venue": position.venue.description, "symbol": position.symbol])
                == position.quantity)
        }
        #expect(exposition.value("asym_equity_quote") == metrics.equityQuote)
        #expect(exposition.value("asym_realised_pnl_quote") == metrics.realisedPnlQuote)
        #expect(exposition.value("asym_unrealised_pnl_quote") == metrics.unrealisedPnlQuote)
        #expect(exposition.value("asym_trading_state", ["state": "reducing"]) == 1)
        #expect(exposition.value("asym_trading_state", ["state": "active"]) == 0)
        #expect(exposition.value("asym_trading_state", ["state": "halted"]) == 0)
    }

    @Test("latency histograms export cumulative buckets in seconds with +Inf equal to the count")
    func latencyHistograms() throws {
        let exposition = try parsed(metrics)
        for (name, histogram) in [("asym_tick_to_decision_seconds", metrics.tickToDecision),
                                  ("asym_frame_processing_seconds", metrics.frameProcessing)] {
            let buckets = exposition.samples(name + "_bucket")
            #expect(buckets.count == histogram.upperBoundsSeconds.count + 1)
            for (bound, cumulative) in zip(histogram.upperBoundsSeconds, histogram.cumulativeCounts) {
                let sample = try #require(buckets.first {
                    PrometheusExposition.parseValue($0.labels["le"]![...]) == bound
                })
                #expect(sample.value == Double(cumulative))
            }
            #expect(exposition.value(name + "_bucket", ["le": "+Inf"]) == Double(histogram.count))
            #expect(exposition.value(name + "_count") == Double(histogram.count))
            #expect(exposition.value(name + "_sum") == histogram.sumSeconds)
            // More than the last finite bucket: the overflow samples are counted, not dropped.
            #expect(histogram.count > histogram.cumulativeCounts.last!)
        }
    }

    @Test("journal lag, AI rounds, abstentions per model, published bias, uptime and version")
    func journalAndAIMetrics() throws {
        let exposition = try parsed(metrics)
        #expect(exposition.value("asym_journal_enqueued_records_total") == Double(metrics.journalEnqueuedRecordsTotal))
        #expect(exposition.value("asym_journal_durable_sequence") == Double(metrics.journalDurableSequence))
        #expect(exposition.value("asym_journal_lag_records")
            == Double(metrics.journalEnqueuedRecordsTotal - metrics.journalDurableSequence))
        #expect(exposition.value("asym_ai_rounds_total") == Double(metrics.aiRoundsTotal))
        for entry in metrics.aiAbstentions {
            #expect(exposition.value("asym_ai_abstentions_total", ["model": entry.model]) == Double(entry.count))
        }
        #expect(exposition.value("asym_ai_bias", ["symbol": "BTCUSDT"]) == metrics.aiBias[0].bias)
        #expect(exposition.value("asym_uptime_seconds") == metrics.uptimeSeconds)
        #expect(exposition.value("asym_build_info", ["version": metrics.version]) == 1)
    }

    @Test("label values with quotes, backslashes and newlines survive escaping and parsing unchanged")
    func labelEscapingRoundTrips() throws {
        var metrics = OpsMetricsSnapshot()
        let awkward = ["quote\"d", "back\\slash", "new\nline", "all \\\"\n\\n of them", "ünïcødé", ""]
        metrics.aiAbstentions = awkward.enumerated().map { OpsModelCount(model: $1, count: Int64($0)) }
        metrics.feeds = [OpsFeedMetrics(venue: .binance, books: awkward.enumerated().map {
            OpsBookAge(symbol: $1, ageSeconds: Double($0))
        })]
        let text = metrics.prometheusText()
        #expect(!text.contains("new\nline"), "a raw newline would end the sample line")
        let exposition = try PrometheusExposition.parse(text)
        for (index, name) in awkward.enumerated() {
            #expect(exposition.value("asym_ai_abstentions_total", ["model": name]) == Double(index))
            #expect(exposition.value("asym_feed_book_age_seconds", ["venue": "binance", "symbol": name]) == Double(index))
        }
    }

    @Test("negative counters export as 0 and non-finite gauges as +Inf, -Inf and NaN")
    func clampsCountersAndSpellsNonFiniteValues() throws {
        var metrics = OpsMetricsSnapshot()
        metrics.signalsTotal = -5
        metrics.journalEnqueuedRecordsTotal = 3
        metrics.journalDurableSequence = 7
        metrics.equityQuote = .nan
        metrics.realisedPnlQuote = .infinity
        metrics.unrealisedPnlQuote = -.infinity
        let text = metrics.prometheusText()
        let exposition = try PrometheusExposition.parse(text)
        #expect(exposition.value("asym_signals_total") == 0)
        #expect(exposition.value("asym_journal_lag_records") == 0)
        #expect(exposition.value("asym_equity_quote")?.isNaN == true)
        #expect(text.contains("asym_equity_quote NaN\n"))
        #expect(text.contains("asym_realised_pnl_quote +Inf\n"))
        #expect(text.contains("asym_unrealised_pnl_quote -Inf\n"))
    }

    @Test("values print as Go parses them: integers without a fraction, others in shortest round-trip form",
          arguments: [(5.0, "5"), (-2.0, "-2"), (0.25, "0.25"), (1e-7, "1e-07"), (-0.0, "0"), (1e300, "1e+300")])
    func formatsValues(value: Double, expected: String) {
        #expect(PrometheusTextWriter.format(value) == expected)
        #expect(PrometheusExposition.parseValue(expected[...]) == value)
    }
}
