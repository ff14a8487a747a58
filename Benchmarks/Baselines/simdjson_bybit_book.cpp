// The C++ baseline of DESIGN.md §6 for "raw Bybit orderbook.50 frame -> book updated": simdjson On-Demand decoding
// into a fixed-point array ladder, timed per frame the way `asym replay` times asym (CLOCK_MONOTONIC around each
// frame, the median cost of an empty pair of clock reads subtracted). Run by scripts/simdjson-baseline, which also
// checks that this ladder ends with the same best bid and ask as `asym book` on the same recording.
//
// Input: an asym recording (one frame per line: receive time in ns, a space, the venue's JSON).
// Output: one JSON object on stdout.
//
// What it does per frame, to match asym's work: the topic picks book or trades; book frames check the symbol,
// reset the ladder on a snapshot, refuse a stale update id, and set every level (prices and sizes parsed from
// their decimal text into integer ticks and lots, never through double); trade frames read time, side, size,
// price, trade id and the block-trade flag of every trade. It is simpler than asym in one way: a level outside
// its 65,536-tick window is dropped and counted (asym keeps it in an overflow store).
#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>
#include <time.h>

namespace {

int64_t monotonic_ns() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Decimal text to an integer with `decimals` fractional digits; extra fractional digits must be zeros.
bool parse_fixed(std::string_view text, int decimals, int64_t &out) {
    if (text.empty()) return false;
    int64_t value = 0;
    int fraction = -1;
    for (char c : text) {
        if (c == '.') {
            if (fraction >= 0) return false;
            fraction = 0;
            continue;
        }
        unsigned digit = unsigned(c) - '0';
        if (digit > 9) return false;
        if (fraction >= 0) {
            if (fraction == decimals) {
                if (digit != 0) return false;
                continue;
            }
            ++fraction;
        }
        value = value * 10 + digit;
    }
    for (int f = fraction < 0 ? 0 : fraction; f < decimals; ++f) value *= 10;
    out = value;
    return true;
}

// One side in key space (bids: key = ticks, asks: key = -ticks), so the best level is always the highest key.
struct Ladder {
    static constexpr int64_t size = 1 << 16;
    std::vector<int64_t> lots = std::vector<int64_t>(size, 0);
    int64_t base = 0;
    int64_t best = -1;  // slot of the best level, -1 when empty
    bool placed = false;
    uint64_t dropped = 0;

    void reset() {
        if (best >= 0) std::fill(lots.begin(), lots.begin() + best + 1, 0);
        best = -1;
    }

    void set(int64_t key, int64_t quantity) {
        if (!placed) {
            base = key - size / 2;
            placed = true;
        }
        int64_t slot = key - base;
        if (slot < 0 || slot >= size) {
            ++dropped;
            return;
        }
        lots[slot] = quantity;
        if (quantity != 0) {
            if (slot > best) best = slot;
        } else if (slot == best) {
            while (best >= 0 && lots[best] == 0) --best;
        }
    }

    int64_t best_key() const { return best >= 0 ? base + best : 0; }
};

struct Trade {
    int64_t time, lots, ticks;
    bool buy, block;
    std::string_view id;
};

struct Counters {
    uint64_t book_frames = 0, trade_frames = 0, trades = 0, stale = 0, errors = 0;
};

constexpr std::string_view symbol = "BTCUSDT";
constexpr int price_decimals = 1;     // tick 0.1
constexpr int quantity_decimals = 3;  // lot 0.001

bool apply_levels(simdjson::ondemand::array levels, Ladder &ladder, bool negate) {
    for (auto level : levels) {
        simdjson::ondemand::array pair;
        if (level.get_array().get(pair)) return false;
        auto it = pair.begin();
        std::string_view price_text, size_text;
        if ((*it).get_string().get(price_text)) return false;
        ++it;
        if ((*it).get_string().get(size_text)) return false;
        int64_t ticks, lots;
        if (!parse_fixed(price_text, price_decimals, ticks) || !parse_fixed(size_text, quantity_decimals, lots)) {
            return false;
        }
        ladder.set(negate ? -ticks : ticks, lots);
    }
    return true;
}

bool process(simdjson::ondemand::parser &parser, simdjson::padded_string_view frame, Ladder &bids, Ladder &asks,
             int64_t &last_update, std::vector<Trade> &trades, Counters &counters) {
    simdjson::ondemand::document doc;
    if (parser.iterate(frame).get(doc)) return false;
    std::string_view topic;
    if (doc["topic"].get_string().get(topic)) return false;
    if (topic.substr(0, 10) == "orderbook.") {
        std::string_view type;
        if (doc["type"].get_string().get(type)) return false;
        simdjson::ondemand::object data;
        if (doc["data"].get_object().get(data)) return false;
        std::string_view s;
        if (data["s"].get_string().get(s) || s != symbol) return false;
        bool snapshot = type == "snapshot";
        // The update id is read first (out of document order): a stale delta must change nothing.
        int64_t update;
        if (data["u"].get_int64().get(update)) return false;
        if (!snapshot && update <= last_update) {
            ++counters.stale;
            return true;
        }
        if (snapshot) {
            bids.reset();
            asks.reset();
        }
        simdjson::ondemand::array levels;
        if (data["b"].get_array().get(levels) || !apply_levels(levels, bids, false)) return false;
        if (data["a"].get_array().get(levels) || !apply_levels(levels, asks, true)) return false;
        last_update = update;
        ++counters.book_frames;
        return true;
    }
    if (topic.substr(0, 12) == "publicTrade.") {
        simdjson::ondemand::array data;
        if (doc["data"].get_array().get(data)) return false;
        trades.clear();
        for (auto element : data) {
            simdjson::ondemand::object trade;
            if (element.get_object().get(trade)) return false;
            Trade t{};
            std::string_view side, size_text, price_text;
            if (trade["T"].get_int64().get(t.time) || trade["S"].get_string().get(side) ||
                trade["v"].get_string().get(size_text) || trade["p"].get_string().get(price_text) ||
                trade["i"].get_string().get(t.id) || trade["BT"].get_bool().get(t.block)) {
                return false;
            }
            if (!parse_fixed(size_text, quantity_decimals, t.lots) || !parse_fixed(price_text, price_decimals, t.ticks)) {
                return false;
            }
            t.buy = side == "Buy";
            trades.push_back(t);
        }
        counters.trades += trades.size();
        ++counters.trade_frames;
        return true;
    }
    return false;
}

}  // namespace

int main(int argc, char **argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s RECORDING\n", argv[0]);
        return 2;
    }
    std::ifstream input(argv[1]);
    if (!input) {
        std::fprintf(stderr, "cannot open %s\n", argv[1]);
        return 1;
    }
    // Every frame in one buffer, each followed by simdjson's padding, so timing touches no allocation or I/O.
    std::string buffer;
    std::vector<std::pair<size_t, size_t>> frames;
    std::string line;
    while (std::getline(input, line)) {
        size_t space = line.find(' ');
        if (space == std::string::npos) continue;
        frames.emplace_back(buffer.size(), line.size() - space - 1);
        buffer.append(line, space + 1, std::string::npos);
        buffer.append(simdjson::SIMDJSON_PADDING, ' ');
    }

    simdjson::ondemand::parser parser;
    Ladder bids, asks;
    int64_t last_update = -1;
    std::vector<Trade> trades;
    trades.reserve(4096);
    Counters counters;

    std::vector<int64_t> empty(100000);
    for (auto &sample : empty) {
        int64_t before = monotonic_ns();
        sample = monotonic_ns() - before;
    }
    std::nth_element(empty.begin(), empty.begin() + empty.size() / 2, empty.end());
    int64_t timer_cost = empty[empty.size() / 2];

    std::vector<int64_t> samples;
    samples.reserve(frames.size());
    int64_t started = monotonic_ns();
    for (auto [offset, length] : frames) {
        simdjson::padded_string_view frame(buffer.data() + offset, length, length + simdjson::SIMDJSON_PADDING);
        int64_t before = monotonic_ns();
        bool ok = process(parser, frame, bids, asks, last_update, trades, counters);
        samples.push_back(std::max<int64_t>(0, monotonic_ns() - before - timer_cost));
        if (!ok) ++counters.errors;
    }
    double seconds = double(monotonic_ns() - started) / 1e9;

    auto percentile = [&](double fraction) {
        size_t rank = std::min(samples.size() - 1, size_t(double(samples.size()) * fraction));
        std::nth_element(samples.begin(), samples.begin() + rank, samples.end());
        return samples[rank];
    };
    if (samples.empty()) {
        std::fprintf(stderr, "no frames in %s\n", argv[1]);
        return 1;
    }
    int64_t p50 = percentile(0.50), p99 = percentile(0.99), p999 = percentile(0.999);
    std::printf("{\"frames\":%zu,\"book_frames\":%llu,\"trade_frames\":%llu,\"trades\":%llu,\"stale\":%llu,"
                "\"errors\":%llu,\"dropped_outside_window\":%llu,\"ns_p50\":%lld,\"ns_p99\":%lld,\"ns_p999\":%lld,"
                "\"frames_per_s\":%.0f,\"best_bid_ticks\":%lld,\"best_ask_ticks\":%lld}\n",
                frames.size(), (unsigned long long)counters.book_frames, (unsigned long long)counters.trade_frames,
                (unsigned long long)counters.trades, (unsigned long long)counters.stale,
                (unsigned long long)counters.errors, (unsigned long long)(bids.dropped + asks.dropped),
                (long long)p50, (long long)p99, (long long)p999, double(frames.size()) / seconds,
                (long long)bids.best_key(), (long long)(-asks.best_key()));
    return counters.errors == 0 ? 0 : 1;
}
