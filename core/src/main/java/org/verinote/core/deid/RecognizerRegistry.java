package org.verinote.core.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered, named set of {@link Recognizer}s: the built-ins from {@link #standard()}, trimmed or extended with
 * {@link #toBuilder()}.
 *
 * <p>Immutable and thread-safe. Recognizer names are unique.
 *
 * {@snippet :
 * RecognizerRegistry registry = RecognizerRegistry.standard().toBuilder()
 *     .remove("locations")           // e.g. notes where place names are not identifying
 *     .add(myBadgeNumberRecognizer)  // a site-specific identifier
 *     .build();
 * DeIdentifier deid = SafeHarborDeIdentifier.builder().recognizers(registry).build();
 * }
 */
public final class RecognizerRegistry {

  private static final RecognizerRegistry STANDARD = builder()
      .add(new NameRecognizer())
      .add(new DateRecognizer())
      .add(new AgeRecognizer())
      .add(new NumberRecognizer())
      .add(new IdentifierRecognizer())
      .add(new ContactRecognizer())
      .add(new LocationRecognizer())
      .build();

  private final List<Recognizer> recognizers;

  private RecognizerRegistry(List<Recognizer> recognizers) {
    this.recognizers = List.copyOf(recognizers);
  }

  /**
   * The built-in recognizers, in order: {@code names}, {@code dates}, {@code ages}, {@code numbers} (phone, SSN,
   * IPv4, card and long numbers), {@code identifiers} (MRN, account, licence, vehicle, device, pager numbers after
   * their cue), {@code contacts} (e-mail, URL, IPv6), {@code locations} (street addresses, zip codes, facilities,
   * places).
   *
   * @return the standard registry (shared, immutable)
   */
  public static RecognizerRegistry standard() {
    return STANDARD;
  }

  /**
   * Starts an empty registry.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this registry's recognizers.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.recognizers.addAll(recognizers);
    return b;
  }

  /** @return the recognizers, in the order they run */
  public List<Recognizer> recognizers() {
    return recognizers;
  }

  /** @return the recognizers' names, in order */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (Recognizer r : recognizers) {
      names.add(r.name());
    }
    return List.copyOf(names);
  }

  /**
   * Looks a recognizer up by name.
   *
   * @param name the name
   * @return the recognizer, if registered
   */
  public Optional<Recognizer> get(String name) {
    Objects.requireNonNull(name, "name");
    for (Recognizer r : recognizers) {
      if (r.name().equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "RecognizerRegistry" + names();
  }

  /** Builds a {@link RecognizerRegistry}. Not thread-safe; {@link #build()} is repeatable. */
  public static final class Builder {
    private final List<Recognizer> recognizers = new ArrayList<>();

    private Builder() {}

    /**
     * Appends a recognizer.
     *
     * @param recognizer the recognizer
     * @return this builder
     * @throws NullPointerException if null or its name is null
     * @throws IllegalArgumentException if its name is blank or already registered
     */
    public Builder add(Recognizer recognizer) {
      Objects.requireNonNull(recognizer, "recognizer");
      String name = Objects.requireNonNull(recognizer.name(), "recognizer.name()");
      if (name.isBlank()) {
        throw new IllegalArgumentException("A recognizer name must not be blank");
      }
      for (Recognizer r : recognizers) {
        if (r.name().equals(name)) {
          throw new IllegalArgumentException("A recognizer named '" + name + "' is already registered; remove it"
              + " first to replace it.");
        }
      }
      recognizers.add(recognizer);
      return this;
    }

    /**
     * Removes a recognizer by name.
     *
     * @param name the name
     * @return this builder
     * @throws IllegalArgumentException if no recognizer has that name (the message lists the names)
     */
    public Builder remove(String name) {
      Objects.requireNonNull(name, "name");
      if (!recognizers.removeIf(r -> r.name().equals(name))) {
        List<String> names = new ArrayList<>();
        recognizers.forEach(r -> names.add(r.name()));
        throw new IllegalArgumentException("No recognizer named '" + name + "'; registered: " + names);
      }
      return this;
    }

    /**
     * Builds the registry. An empty registry is allowed: then only identifiers from the patient context are caught.
     *
     * @return the registry
     */
    public RecognizerRegistry build() {
      return new RecognizerRegistry(recognizers);
    }
  }
}
