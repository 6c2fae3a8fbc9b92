package org.verinote.otel;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * OpenTelemetry GenAI semantic-convention attribute keys (gen_ai.*), and how a Verinote model id maps onto them.
 * Only names, ids and counts: never prompts or completions.
 */
final class GenAi {

  static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
  static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");
  static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
  static final AttributeKey<List<String>> FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  static final String CHAT = "chat";

  private GenAi() {}

  /**
   * The provider part of a Verinote model id: {@code "openai:gpt-4o"} → {@code "openai"}; an id without a prefix
   * (an in-process model such as {@code "extractive"}) is its own system.
   */
  static String system(String modelId) {
    int colon = modelId.indexOf(':');
    return colon > 0 ? modelId.substring(0, colon) : modelId;
  }

  /** The model part of a Verinote model id: {@code "openai:gpt-4o"} → {@code "gpt-4o"}. */
  static String model(String modelId) {
    int colon = modelId.indexOf(':');
    return colon > 0 && colon < modelId.length() - 1 ? modelId.substring(colon + 1) : modelId;
  }
}
