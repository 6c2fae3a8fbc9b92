package org.verinote.eval.report;

import java.util.List;
import java.util.Locale;

/** Minimal inline SVG charts (no scripts, no external resources). */
final class Svg {

  static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};

  private Svg() {}

  /** Grouped bar chart: one group per label, one bar per series. */
  static String bars(String title, List<String> labels, List<String> series, double[][] values, double max) {
    int w = 640;
    int h = 260;
    int left = 40;
    int bottom = 200;
    double top = max <= 0 ? 1 : max;
    StringBuilder b = open(w, h, title);
    axis(b, left, bottom, w, top);
    int groups = Math.max(1, labels.size());
    double gw = (w - left - 10) / (double) groups;
    double bw = gw * 0.8 / Math.max(1, series.size());
    for (int g = 0; g < labels.size(); g++) {
      for (int s = 0; s < series.size(); s++) {
        double v = values[s][g];
        if (!Double.isFinite(v)) {
          continue;
        }
        double bh = (bottom - 20) * Math.max(0, v) / top;
        double x = left + g * gw + gw * 0.1 + s * bw;
        b.append(fmt("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %.2f"
            + "</title></rect>", x, bottom - bh, bw - 1, bh, COLORS[s % COLORS.length], Html.escape(series.get(s)),
            Html.escape(labels.get(g)), v));
      }
      b.append(fmt("<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
          left + g * gw + gw / 2, bottom + 14, Html.escape(labels.get(g))));
    }
    legend(b, series, left, h - 20);
    return b.append("</svg>").toString();
  }

  /** Histogram of values in [0, max] with 10 bins, one outline per series. */
  static String histogram(String title, List<String> series, List<double[]> values, double max) {
    int bins = 10;
    double top = max <= 0 ? 1 : max;
    double[][] counts = new double[series.size()][bins];
    double maxCount = 1;
    for (int s = 0; s < series.size(); s++) {
      for (double v : values.get(s)) {
        int bin = (int) Math.min(bins - 1, Math.max(0, Math.floor(v / top * bins)));
        counts[s][bin]++;
        maxCount = Math.max(maxCount, counts[s][bin]);
      }
    }
    List<String> labels = new java.util.ArrayList<>();
    for (int i = 0; i < bins; i++) {
      labels.add(fmt("%.0f", top * i / bins));
    }
    return bars(title, labels, series, counts, maxCount);
  }

  /** Line chart of a series over its index (time order). */
  static String line(String title, List<String> series, List<List<Double>> values) {
    int w = 640;
    int h = 240;
    int left = 40;
    int bottom = 190;
    double max = 0;
    double min = Double.MAX_VALUE;
    int n = 1;
    for (List<Double> v : values) {
      for (double d : v) {
        max = Math.max(max, d);
        min = Math.min(min, d);
      }
      n = Math.max(n, v.size());
    }
    if (min == Double.MAX_VALUE) {
      min = 0;
    }
    double lo = Math.min(0, min);
    double span = max - lo <= 0 ? 1 : max - lo;
    StringBuilder b = open(w, h, title);
    axis(b, left, bottom, w, max);
    for (int s = 0; s < values.size(); s++) {
      StringBuilder pts = new StringBuilder();
      List<Double> v = values.get(s);
      for (int i = 0; i < v.size(); i++) {
        double x = left + (w - left - 10) * (n == 1 ? 0 : i / (double) (n - 1));
        double y = bottom - (bottom - 20) * (v.get(i) - lo) / span;
        pts.append(fmt("%.1f,%.1f ", x, y));
      }
      b.append(fmt("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>",
          COLORS[s % COLORS.length], pts.toString().strip()));
    }
    legend(b, series, left, h - 20);
    return b.append("</svg>").toString();
  }

  private static StringBuilder open(int w, int h, String title) {
    StringBuilder b = new StringBuilder();
    b.append(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
        + "role=\"img\" aria-label=\"%s\">", w, h, w, h, Html.escape(title)));
    b.append(fmt("<text x=\"%d\" y=\"14\" font-size=\"13\" font-weight=\"bold\">%s</text>", 4, Html.escape(title)));
    return b;
  }

  private static void axis(StringBuilder b, int left, int bottom, int w, double max) {
    b.append(fmt("<line x1=\"%d\" y1=\"20\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", left, left, bottom));
    b.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", left, bottom, w - 10, bottom));
    b.append(fmt("<text x=\"%d\" y=\"26\" font-size=\"10\" text-anchor=\"end\">%.1f</text>", left - 3, max));
    b.append(fmt("<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">0</text>", left - 3, bottom));
  }

  private static void legend(StringBuilder b, List<String> series, int x, int y) {
    int off = x;
    for (int s = 0; s < series.size(); s++) {
      b.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", off, y, COLORS[s % COLORS.length]));
      b.append(fmt("<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", off + 14, y + 9, Html.escape(series.get(s))));
      off += 24 + 7 * series.get(s).length();
    }
  }

  static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
