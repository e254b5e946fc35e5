package org.psig.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Line charts as SVG, drawn by the benchmark itself: no plotting library, opens in any browser. */
final class Svg {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 200;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2"};

    /** One line: its name and its points (x, y). */
    record Series(String name, List<double[]> points) {
    }

    private Svg() {
    }

    static String chart(String title, String xLabel, String yLabel, List<Series> series, boolean logY) {
        double maxX = 1;
        double minY = Double.MAX_VALUE;
        double maxY = 1;
        for (Series line : series) {
            for (double[] point : line.points()) {
                maxX = Math.max(maxX, point[0]);
                maxY = Math.max(maxY, point[1]);
                minY = Math.min(minY, point[1]);
            }
        }
        double lowY = logY ? Math.pow(10, Math.floor(Math.log10(Math.max(0.1, minY)))) : 0;
        double highY = logY ? Math.pow(10, Math.ceil(Math.log10(maxY))) : maxY * 1.1;
        Scale scale = new Scale(maxX, lowY, highY, logY);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                        + "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", WIDTH, HEIGHT, LEFT, escape(title)));
        axes(svg, scale, xLabel, yLabel);
        for (int i = 0; i < series.size(); i++) {
            String colour = COLOURS[i % COLOURS.length];
            List<String> points = new ArrayList<>();
            for (double[] point : series.get(i).points()) {
                points.add(String.format(Locale.ROOT, "%.1f,%.1f", scale.x(point[0]), scale.y(point[1])));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                    colour, String.join(" ", points)));
            for (String point : points) {
                String[] xy = point.split(",");
                svg.append(String.format("<circle cx=\"%s\" cy=\"%s\" r=\"2.5\" fill=\"%s\"/>%n", xy[0], xy[1], colour));
            }
            int legendY = TOP + 10 + i * 18;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 15, legendY - 4, colour, WIDTH - RIGHT + 32,
                    legendY, escape(series.get(i).name())));
        }
        return svg.append("</svg>\n").toString();
    }

    private static void axes(StringBuilder svg, Scale scale, String xLabel, String yLabel) {
        int bottom = HEIGHT - BOTTOM;
        svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, bottom,
                WIDTH - RIGHT, bottom));
        svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, TOP, LEFT, bottom));
        for (int i = 0; i <= 5; i++) {
            double x = scale.maxX * i / 5;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    scale.x(x), bottom + 18, number(x)));
        }
        for (double y : scale.yTicks()) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, scale.y(y), WIDTH - RIGHT,
                    scale.y(y), LEFT - 6, scale.y(y) + 4, number(y)));
        }
        svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 12, escape(xLabel)));
        svg.append(String.format("<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">%s</text>%n",
                (TOP + bottom) / 2, (TOP + bottom) / 2, escape(yLabel)));
    }

    private record Scale(double maxX, double lowY, double highY, boolean logY) {

        double x(double value) {
            return LEFT + value / maxX * (WIDTH - LEFT - RIGHT);
        }

        double y(double value) {
            double fraction = logY
                    ? (Math.log10(Math.max(value, lowY)) - Math.log10(lowY)) / (Math.log10(highY) - Math.log10(lowY))
                    : (value - lowY) / (highY - lowY);
            return HEIGHT - BOTTOM - fraction * (HEIGHT - TOP - BOTTOM);
        }

        List<Double> yTicks() {
            List<Double> ticks = new ArrayList<>();
            if (logY) {
                for (double y = lowY; y <= highY * 1.0001; y *= 10) {
                    ticks.add(y);
                }
            } else {
                for (int i = 0; i <= 5; i++) {
                    ticks.add(lowY + (highY - lowY) * i / 5);
                }
            }
            return ticks;
        }
    }

    private static String number(double value) {
        return value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A series from a timeline of (second, value) pairs. */
    static Series fromTimeline(String name, Map<Long, double[]> timeline, int index) {
        List<double[]> points = new ArrayList<>();
        timeline.forEach((second, values) -> points.add(new double[] {second, values[index]}));
        return new Series(name, points);
    }
}
