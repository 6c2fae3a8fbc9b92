package org.verinote.eval.rouge;

/**
 * The arithmetic mean as {@code numpy.mean} computes it for a float64 array: numpy's pairwise summation (blocks of
 * 128 with eight partial sums), then one division. Matching it keeps corpus means bit-identical to ACI-Bench's
 * {@code np.mean} rather than off in the last place.
 */
final class PairwiseMean {

  private static final int BLOCK = 128;

  private PairwiseMean() {}

  static double mean(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    return sum(values, 0, values.length) / values.length;
  }

  static double sum(double[] a, int from, int n) {
    if (n < 8) {
      double res = 0.0;
      for (int i = 0; i < n; i++) {
        res += a[from + i];
      }
      return res;
    } else if (n <= BLOCK) {
      double[] r = new double[8];
      for (int k = 0; k < 8; k++) {
        r[k] = a[from + k];
      }
      int i;
      for (i = 8; i < n - (n % 8); i += 8) {
        for (int k = 0; k < 8; k++) {
          r[k] += a[from + i + k];
        }
      }
      double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        res += a[from + i];
      }
      return res;
    } else {
      int n2 = n / 2;
      n2 -= n2 % 8;
      return sum(a, from, n2) + sum(a, from + n2, n - n2);
    }
  }
}
