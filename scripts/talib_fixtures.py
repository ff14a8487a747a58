"""Writes the TA-Lib / numpy reference fixtures for AsymSignalsTests (run through scripts/talib-fixtures).

A deterministic synthetic trade stream (trending and choppy stretches, flat stretches where every trade prints
the same price, and gaps with no trades at all, one of them several hours long) is aggregated into UTC-aligned
1m, 5m, 15m, 1h and 4h candles with asym's empty-interval policy: an interval with no trades is a flat candle at
the previous close with zero volume. The 1m series then goes through TA-Lib (default compatibility, unstable
period 0) and numpy. Everything is derived from integer ticks and lots, so the decimal text in the CSVs is exact.
"""
import os
import sys

import numpy as np
import pandas as pd
import talib

OUT = sys.argv[1]
SEED = 20240601
MINUTE = 60 * 1_000_000_000
DAY = 24 * 60 * MINUTE
START = 1_704_140_220 * 1_000_000_000  # 2024-01-01T20:17:00Z: not aligned to any timeframe above 1m
MINUTES = 6_000                        # > 5,000 one-minute candles, crossing four UTC midnights
PRICE_DECIMALS, QTY_DECIMALS = 1, 3    # tick 0.1, lot 0.001
TIMEFRAMES = [("1m", 1), ("5m", 5), ("15m", 15), ("1h", 60), ("4h", 240)]


def trades():
    """(exchange time ns, price ticks, quantity lots, taker side 'buy'/'sell') in exchange-time order."""
    rng = np.random.default_rng(SEED)
    price = 300_000  # 30000.0
    drift = 0
    minute = 0
    long_gap_done = False
    rows = []
    while minute < MINUTES:
        regime = rng.random()
        length = int(rng.integers(5, 90))
        if minute >= 3_000 and not long_gap_done:  # one gap of 500 minutes: empty 1h and 4h candles too
            long_gap_done = True
            minute += 500
            continue
        if regime < 0.08:                          # gap: no trades at all
            minute += int(rng.integers(1, 45))
            continue
        flat = regime < 0.20                    # flat: trades keep printing one price
        if not flat and rng.random() < 0.3:
            drift = int(rng.integers(-6, 7))
        for m in range(minute, min(minute + length, MINUTES)):
            count = int(rng.integers(1, 6))
            offsets = np.sort(rng.integers(0, MINUTE, size=count))
            for offset in offsets:
                if not flat:
                    price = max(1_000, price + drift + int(rng.integers(-40, 41)))
                lots = int(rng.integers(1, 5_000))
                side = "buy" if rng.random() < 0.5 else "sell"
                rows.append((START + m * MINUTE + int(offset), price, lots, side))
        minute += length
    return pd.DataFrame(rows, columns=["time", "price", "qty", "side"])


def candles(frame, minutes):
    """UTC-aligned candles; empty intervals become flat zero-volume candles at the previous close."""
    width = minutes * MINUTE
    bucket = frame["time"] // width * width
    grouped = frame.assign(bucket=bucket, buy=np.where(frame["side"] == "buy", frame["qty"], 0)).groupby("bucket")
    out = pd.DataFrame({
        "open": grouped["price"].first(), "high": grouped["price"].max(), "low": grouped["price"].min(),
        "close": grouped["price"].last(), "volume": grouped["qty"].sum(), "taker_buy_volume": grouped["buy"].sum(),
        "trades": grouped["price"].count(),
    })
    full = np.arange(out.index[0], out.index[-1] + width, width, dtype=np.int64)
    out = out.reindex(full)
    empty = out["trades"].isna()
    out["close"] = out["close"].ffill()
    for column in ("open", "high", "low"):
        out.loc[empty, column] = out.loc[empty, "close"]
    out.loc[empty, ["volume", "taker_buy_volume", "trades"]] = 0
    out = out.astype(np.int64)
    out.index.name = "timestamp"
    return out


def decimal(units, decimals):
    units = int(units)
    return f"{units // 10 ** decimals}.{units % 10 ** decimals:0{decimals}d}" if decimals else str(units)


def number(value):
    return "" if np.isnan(value) else repr(float(value))


def rolling_windows(values, n):
    return np.lib.stride_tricks.sliding_window_view(values, n)


def main():
    talib.set_compatibility(0)
    talib.set_unstable_period("ALL", 0)
    frame = trades()
    one_minute = candles(frame, 1)
    assert len(one_minute) >= 5_000, len(one_minute)

    with open(os.path.join(OUT, "trades.csv"), "w") as f:
        f.write("time,price,quantity,side\n")
        for t, p, q, s in frame.itertuples(index=False):
            f.write(f"{t},{decimal(p, PRICE_DECIMALS)},{decimal(q, QTY_DECIMALS)},{s}\n")
    with open(os.path.join(OUT, "trade_candles.csv"), "w") as f:
        f.write("timeframe,timestamp,open,high,low,close,volume,taker_buy_volume,trades\n")
        for name, minutes in TIMEFRAMES:
            for ts, row in candles(frame, minutes).iterrows():
                f.write(f"{name},{ts},{decimal(row.open, 1)},{decimal(row.high, 1)},{decimal(row.low, 1)},"
                        f"{decimal(row.close, 1)},{decimal(row.volume, 3)},{decimal(row.taker_buy_volume, 3)},"
                        f"{row.trades}\n")
    with open(os.path.join(OUT, "candles.csv"), "w") as f:
        f.write("timestamp,open,high,low,close,volume\n")
        for ts, row in one_minute.iterrows():
            f.write(f"{ts},{decimal(row.open, 1)},{decimal(row.high, 1)},{decimal(row.low, 1)},"
                    f"{decimal(row.close, 1)},{decimal(row.volume, 3)}\n")

    # Read the CSV back: TA-Lib sees exactly the doubles the Swift tests parse.
    with open(os.path.join(OUT, "candles.csv")) as f:
        lines = [line.rstrip("\n").split(",") for line in f.readlines()[1:]]
    ts = np.array([int(line[0]) for line in lines], dtype=np.int64)
    o, h, l, c, v = (np.array([float(line[k]) for line in lines]) for k in range(1, 6))  # correctly rounded
    n = len(c)

    expected = {}
    expected["sma_20"] = talib.SMA(c, 20)
    expected["ema_20"] = talib.EMA(c, 20)
    expected["rsi_14"] = talib.RSI(c, 14)
    expected["macd"], expected["macd_signal"], expected["macd_hist"] = talib.MACD(c, 12, 26, 9)
    expected["bb_upper"], expected["bb_middle"], expected["bb_lower"] = talib.BBANDS(c, 20, 2.0, 2.0, 0)
    expected["atr_14"] = talib.ATR(h, l, c, 14)
    expected["adx_14"] = talib.ADX(h, l, c, 14)

    # Not in TA-Lib: numpy references.
    typical = (h + l + c) / 3.0
    session = ts // DAY
    pv = pd.Series(typical * v).groupby(session).cumsum().to_numpy()
    vol = pd.Series(v).groupby(session).cumsum().to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        expected["vwap"] = np.where(vol > 0, pv / vol, np.nan)
    # Two-pass statistics in long double (x87 80-bit here) so the reference itself is good to ~1e-13.
    returns = np.log(c[1:] / c[:-1])  # ln(p_t / p_{t-1}): differencing logs would cancel ~10 digits away
    rv = np.full(n, np.nan)
    rv[20:] = np.std(rolling_windows(returns.astype(np.longdouble), 20), axis=1, ddof=1).astype(np.float64)
    expected["realized_vol_20"] = rv
    windows = rolling_windows(c.astype(np.longdouble), 20)
    mean, std, flat = windows.mean(axis=1), windows.std(axis=1, ddof=1), np.ptp(windows, axis=1) == 0
    z = np.full(n, np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        z[19:] = np.where(flat, 0.0, ((c[19:] - mean) / std).astype(np.float64))
    expected["zscore_20"] = z

    # TA-Lib's unstable period only hides outputs: a whole-array call seeds at index 0 either way.
    talib.set_unstable_period("ALL", 40)
    for name, values in (("rsi_14", talib.RSI(c, 14)), ("atr_14", talib.ATR(h, l, c, 14)),
                         ("adx_14", talib.ADX(h, l, c, 14)), ("ema_20", talib.EMA(c, 20))):
        later = ~np.isnan(values)
        assert np.array_equal(values[later], expected[name][later]), name
    talib.set_unstable_period("ALL", 0)

    columns = list(expected)
    with open(os.path.join(OUT, "talib_expected.csv"), "w") as f:
        f.write("timestamp," + ",".join(columns) + "\n")
        for i in range(n):
            f.write(f"{ts[i]}," + ",".join(number(expected[k][i]) for k in columns) + "\n")

    empties = int((one_minute["trades"] == 0).sum())
    print(f"{len(frame)} trades, {n} one-minute candles ({empties} empty), TA-Lib {talib.__version__} "
          f"(C {talib.__ta_version__.decode() if isinstance(talib.__ta_version__, bytes) else talib.__ta_version__}), "
          f"numpy {np.__version__}, pandas {pd.__version__}")


main()
