package dev.numgen.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts drawn here, so that a report is one self-contained file: no script, no library, no network. A
 * chart is a plot area with axes and a legend; series are polylines (a missing point, NaN, breaks the line) or bars,
 * and bands shade a stretch of the x axis (the fault window).
 */
final class SvgChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 300;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 44;
    private static final int BOTTOM = 44;

    record Series(String name, String colour, double[] x, double[] y) {}

    record Band(String name, String colour, double from, double to) {}

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final List<Series> lines = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private Series bars;
    private boolean logX;
    private double xMin = Double.NaN;
    private double xMax = Double.NaN;

    SvgChart(String title, String xLabel, String yLabel, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    SvgChart line(String name, String colour, double[] x, double[] y) {
        lines.add(new Series(name, colour, x, y));
        return this;
    }

    /** Bars at the given x values (their left edges), each as wide as the gap to the next. */
    SvgChart bars(String name, String colour, double[] x, double[] y, boolean logarithmicX) {
        this.bars = new Series(name, colour, x, y);
        this.logX = logarithmicX;
        return this;
    }

    SvgChart band(String name, String colour, double from, double to) {
        bands.add(new Band(name, colour, from, to));
        return this;
    }

    SvgChart xRange(double from, double to) {
        this.xMin = from;
        this.xMax = to;
        return this;
    }

    String render() {
        List<Series> all = new ArrayList<>(lines);
        if (bars != null) {
            all.add(bars);
        }
        double x0 = Double.isNaN(xMin) ? min(all, true) : xMin;
        double x1 = Double.isNaN(xMax) ? max(all, true) : xMax;
        if (x1 <= x0) {
            x1 = x0 + 1;
        }
        // Headroom above the highest point, so that a steady line does not run along the frame.
        double yTop = max(all, false) * 1.08;
        Axis xAxis = logX ? Axis.logarithmic(x0, x1) : Axis.linear(x0, x1);
        Axis yAxis =
                logY ? Axis.logarithmic(Math.max(minPositive(all), 1e-3), Math.max(yTop, 1)) : Axis.linear(0, yTop);
        StringBuilder svg = new StringBuilder();
        svg.append(format(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append(format(
                "<text x=\"%d\" y=\"18\" font-size=\"15\" font-weight=\"bold\">%s</text>\n", LEFT, escape(title)));
        for (Band band : bands) {
            double from = px(xAxis, Math.max(band.from(), xAxis.low()));
            double to = px(xAxis, Math.min(band.to(), xAxis.high()));
            svg.append(format(
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" opacity=\"0.25\"/>\n",
                    from, TOP, Math.max(1, to - from), plotHeight(), band.colour()));
        }
        grid(svg, xAxis, yAxis);
        if (bars != null) {
            drawBars(svg, xAxis, yAxis);
        }
        for (Series series : lines) {
            drawLine(svg, series, xAxis, yAxis);
        }
        legend(svg, all);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void grid(StringBuilder svg, Axis xAxis, Axis yAxis) {
        int bottom = TOP + plotHeight();
        for (double tick : yAxis.ticks()) {
            double y = py(yAxis, tick);
            svg.append(format(
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#444\">%s</text>\n",
                    LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4, label(tick)));
        }
        for (double tick : xAxis.ticks()) {
            double x = px(xAxis, tick);
            svg.append(format(
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#444\">%s</text>\n",
                    x, TOP, x, bottom, x, bottom + 16, label(tick)));
        }
        svg.append(format(
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>\n",
                LEFT, TOP, plotWidth(), plotHeight()));
        svg.append(format(
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#222\">%s</text>\n",
                LEFT + plotWidth() / 2, HEIGHT - 8, escape(xLabel)));
        svg.append(format(
                "<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\" fill=\"#222\">%s</text>\n",
                TOP + plotHeight() / 2, escape(yLabel)));
    }

    private void drawLine(StringBuilder svg, Series series, Axis xAxis, Axis yAxis) {
        StringBuilder path = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < series.x().length; i++) {
            double y = series.y()[i];
            if (Double.isNaN(y) || (logY && y <= 0)) {
                pen = false;
                continue;
            }
            path.append(pen ? " L" : " M").append(format("%.1f %.1f", px(xAxis, series.x()[i]), py(yAxis, y)));
            pen = true;
        }
        svg.append(format(
                "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\" stroke-linejoin=\"round\"/>\n",
                path.toString().trim(), series.colour()));
    }

    private void drawBars(StringBuilder svg, Axis xAxis, Axis yAxis) {
        double[] x = bars.x();
        for (int i = 0; i < x.length; i++) {
            if (bars.y()[i] <= 0) {
                continue;
            }
            double next = i + 1 < x.length ? x[i + 1] : (logX ? x[i] * 1.5 : x[i] + 1);
            double left = px(xAxis, x[i]);
            double right = px(xAxis, next);
            double top = py(yAxis, bars.y()[i]);
            svg.append(format(
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s ms: %s</title>"
                            + "</rect>\n",
                    left,
                    top,
                    Math.max(1, right - left - 1),
                    TOP + plotHeight() - top,
                    bars.colour(),
                    label(x[i]),
                    label(bars.y()[i])));
        }
    }

    private void legend(StringBuilder svg, List<Series> all) {
        int x = WIDTH - RIGHT;
        List<String[]> entries = new ArrayList<>();
        all.forEach(series -> entries.add(new String[] {series.name(), series.colour(), "line"}));
        bands.forEach(band -> entries.add(new String[] {band.name(), band.colour(), "band"}));
        for (int i = entries.size() - 1; i >= 0; i--) {
            String[] entry = entries.get(i);
            int width = 26 + entry[0].length() * 7;
            x -= width;
            String mark = entry[2].equals("band")
                    ? format(
                            "<rect x=\"%d\" y=\"26\" width=\"14\" height=\"10\" fill=\"%s\" opacity=\"0.35\"/>",
                            x, entry[1])
                    : format("<rect x=\"%d\" y=\"29\" width=\"14\" height=\"4\" fill=\"%s\"/>", x, entry[1]);
            svg.append(mark)
                    .append(format("<text x=\"%d\" y=\"36\" fill=\"#222\">%s</text>\n", x + 18, escape(entry[0])));
        }
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private static double px(Axis axis, double value) {
        return LEFT + axis.fraction(value) * plotWidth();
    }

    private static double py(Axis axis, double value) {
        return TOP + plotHeight() - axis.fraction(value) * plotHeight();
    }

    /** A linear axis from 0 (or {@code low}) with round ticks, or a logarithmic one with a tick per decade. */
    record Axis(double low, double high, boolean logarithmic) {

        static Axis linear(double low, double high) {
            double step = niceStep((high - low) / 6);
            return new Axis(Math.floor(low / step) * step, Math.max(step, Math.ceil(high / step) * step), false);
        }

        static Axis logarithmic(double low, double high) {
            return new Axis(Math.pow(10, Math.floor(Math.log10(low))), Math.pow(10, Math.ceil(Math.log10(high))), true);
        }

        double fraction(double value) {
            if (logarithmic) {
                double clamped = Math.max(value, low);
                return (Math.log10(clamped) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
            }
            return (value - low) / (high - low);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (logarithmic) {
                for (double tick = low; tick <= high * 1.0001; tick *= 10) {
                    ticks.add(tick);
                }
            } else {
                double step = niceStep((high - low) / 6);
                for (double tick = low; tick <= high + step / 1000; tick += step) {
                    ticks.add(tick);
                }
            }
            return ticks;
        }

        private static double niceStep(double rough) {
            if (rough <= 0) {
                return 1;
            }
            double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
            double normalised = rough / magnitude;
            double nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;
            return nice * magnitude;
        }
    }

    private static double min(List<Series> all, boolean x) {
        return all.stream()
                .flatMapToDouble(series -> java.util.Arrays.stream(x ? series.x() : series.y()))
                .filter(value -> !Double.isNaN(value))
                .min()
                .orElse(0);
    }

    private static double max(List<Series> all, boolean x) {
        return all.stream()
                .flatMapToDouble(series -> java.util.Arrays.stream(x ? series.x() : series.y()))
                .filter(value -> !Double.isNaN(value))
                .max()
                .orElse(1);
    }

    private static double minPositive(List<Series> all) {
        return all.stream()
                .flatMapToDouble(series -> java.util.Arrays.stream(series.y()))
                .filter(value -> value > 0)
                .min()
                .orElse(1);
    }

    static String label(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return Math.abs(value) >= 1
                ? String.format(Locale.ROOT, "%.1f", value)
                : new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", value))
                        .stripTrailingZeros()
                        .toPlainString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}
