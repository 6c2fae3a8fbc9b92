package org.verinote.core.review;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tenant (hospital, clinic) on whose behalf a review operation runs. Every {@link ReviewWorkflow} and
 * {@link DraftStore} operation takes one; there is no tenant-less query. A draft of another tenant is reported as
 * not found.
 *
 * <p>The host derives it from the authenticated caller — never from request input the caller controls.
 *
 * @param tenantId the tenant id: 1–128 characters of letters, digits and {@code . _ : / -}, starting with a letter
 *     or digit
 */
public record TenantContext(String tenantId) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");

  /**
   * Validates.
   *
   * @throws NullPointerException if {@code tenantId} is null
   * @throws IllegalArgumentException if it is not a valid tenant id
   */
  public TenantContext {
    Objects.requireNonNull(tenantId, "tenantId");
    if (!ID.matcher(tenantId).matches()) {
      throw new IllegalArgumentException("Tenant id must be 1-128 characters of letters, digits and . _ : / -,"
          + " starting with a letter or digit; got " + tenantId.length() + " characters");
    }
  }

  /**
   * Creates a tenant context.
   *
   * @param tenantId the tenant id
   * @return the context
   * @throws IllegalArgumentException if it is not a valid tenant id
   */
  public static TenantContext of(String tenantId) {
    return new TenantContext(tenantId);
  }
}
