"""A report's series drawn with QtCharts: bars, horizontal bars or a line, R$ on the axes."""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtGui import QCursor, QPainter
from PySide6.QtWidgets import QToolTip

from contoffice.core.format import format_money, format_percent
from contoffice.services.reporting import Chart, Report, Series, Unit

LONGEST_CATEGORY = 22  # client names on the axis; the table has them whole
ROTATE_AFTER = 6
MIN_HEIGHT, ROW_HEIGHT = 300, 38  # pixels
_AXIS_FORMATS = {Unit.MONEY: "R$ %.0f", Unit.PERCENT: "%.0f%%", Unit.COUNT: "%.0f"}


def shown(value: int, unit: Unit) -> str:
    """A series value as the clerk reads it (R$ 1.234,56, 12,50%, 1.234)."""
    if unit is Unit.MONEY:
        return format_money(value)
    if unit is Unit.PERCENT:
        return format_percent(value)
    return f"{value:,}".replace(",", ".")


def _scaled(value: int, unit: Unit) -> float:
    # Cents and basis points are drawn as reais and percent.
    return value / 100 if unit in (Unit.MONEY, Unit.PERCENT) else float(value)


def _short(text: str) -> str:
    return text if len(text) <= LONGEST_CATEGORY else text[:LONGEST_CATEGORY - 1] + "…"


def _value_axis(series: tuple[Series, ...]) -> QValueAxis:
    unit = series[0].unit if series else Unit.COUNT
    axis = QValueAxis()
    axis.setLabelFormat(_AXIS_FORMATS[unit])
    top = max((_scaled(v, unit) for s in series for v in s.values), default=0.0)
    axis.setRange(0.0, top * 1.1 if top > 0 else 1.0)
    axis.applyNiceNumbers()
    axis.setMinorTickCount(0)
    return axis


def _tooltip(categories: tuple[str, ...], series: Series, index: int) -> None:
    if 0 <= index < len(categories):
        QToolTip.showText(QCursor.pos(), f"{series.name} — {categories[index]}: "
                                         f"{shown(series.values[index], series.unit)}")


def _bars(report: Report, horizontal: bool) -> QAbstractSeries:
    drawn = QHorizontalBarSeries() if horizontal else QBarSeries()
    # Horizontal bars stack upwards: the first row (the largest debtor) goes on top.
    flip = (lambda values: tuple(reversed(values))) if horizontal else tuple
    categories = flip(report.categories)
    for original in report.series:
        series = Series(original.name, flip(original.values), original.unit)
        bar = QBarSet(series.name)
        for value in series.values:
            bar.append(_scaled(value, series.unit))
        bar.hovered.connect(lambda over, index, s=series, c=categories:
                            _tooltip(c, s, index) if over else QToolTip.hideText())
        drawn.append(bar)
    return drawn


def _line(report: Report) -> list[QAbstractSeries]:
    found: list[QAbstractSeries] = []
    for series in report.series:
        line = QLineSeries()
        line.setName(series.name)
        line.setPointsVisible(True)
        for index, value in enumerate(series.values):
            line.append(QPointF(index, _scaled(value, series.unit)))
        line.hovered.connect(lambda point, over, s=series: _tooltip(
            report.categories, s, round(point.x())) if over else QToolTip.hideText())
        found.append(line)
    return found


def chart_height(report: Report) -> int:
    """The least height that keeps every category's label readable (horizontal bars)."""
    if report.chart is not Chart.HBARS:
        return MIN_HEIGHT
    return max(MIN_HEIGHT, ROW_HEIGHT * len(report.categories) + 160)


def build_chart(report: Report) -> QChart:
    """The chart of `report`, its numbers in pt-BR (axis labels localized)."""
    chart = QChart()
    chart.setTitle(report.title)
    chart.setLocale(QLocale(QLocale.Language.Portuguese, QLocale.Country.Brazil))
    chart.setLocalizeNumbers(True)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setVisible(len(report.series) > 1 or report.chart is Chart.LINE)
    horizontal = report.chart is Chart.HBARS
    drawn = _line(report) if report.chart is Chart.LINE else [_bars(report, horizontal)]
    for series in drawn:
        chart.addSeries(series)
    categories = QBarCategoryAxis()
    names = [_short(c) for c in report.categories]
    categories.append(list(reversed(names)) if horizontal else names)
    if not horizontal and len(names) > ROTATE_AFTER:  # months side by side: read them upright
        categories.setLabelsAngle(-90)
    values = _value_axis(report.series)
    axes: tuple[tuple[QAbstractAxis, Qt.AlignmentFlag], ...] = (
        (categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom),
        (values, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft))
    for axis, where in axes:
        chart.addAxis(axis, where)
        for series in drawn:
            series.attachAxis(axis)
    return chart


RENDER_HINT = QPainter.RenderHint.Antialiasing
