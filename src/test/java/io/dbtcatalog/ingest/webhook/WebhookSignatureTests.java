package io.dbtcatalog.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** dbt Cloud's signature: lowercase hex HMAC-SHA256 of the raw body, as {@code openssl dgst -sha256 -hmac} computes. */
class WebhookSignatureTests {

    private static final byte[] BODY =
            "{\"accountId\":1,\"eventType\":\"job.run.completed\"}".getBytes(StandardCharsets.UTF_8);
    /** {@code printf '%s' BODY | openssl dgst -sha256 -hmac 'whsec-test'} */
    private static final String OPENSSL = "693a4368cdea834e166346db4fab00d899be4b1c10cbc8a2022b6467fb8cdf17";

    @Test
    void signsLikeOpenssl() {
        assertThat(WebhookSignature.sign("whsec-test", BODY)).isEqualTo(OPENSSL);
    }

    @Test
    void verifiesTheExactSignatureAndToleratesUpperCaseAndBlanks() {
        assertThat(WebhookSignature.verifies("whsec-test", BODY, OPENSSL)).isTrue();
        assertThat(WebhookSignature.verifies("whsec-test", BODY, " " + OPENSSL.toUpperCase() + "\n"))
                .isTrue();
    }

    @Test
    void refusesAnotherSecretAChangedBodyATruncatedOrMissingSignature() {
        byte[] changed = "{\"accountId\":2,\"eventType\":\"job.run.completed\"}".getBytes(StandardCharsets.UTF_8);
        byte[] reformatted =
                "{\"accountId\": 1, \"eventType\": \"job.run.completed\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.verifies("whsec-other", BODY, OPENSSL)).isFalse();
        assertThat(WebhookSignature.verifies("whsec-test", changed, OPENSSL)).isFalse();
        assertThat(WebhookSignature.verifies("whsec-test", reformatted, OPENSSL))
                .as("the raw bytes are signed, not the JSON they mean")
                .isFalse();
        assertThat(WebhookSignature.verifies("whsec-test", BODY, OPENSSL.substring(0, 63)))
                .isFalse();
        assertThat(WebhookSignature.verifies("whsec-test", BODY, "sha256=" + OPENSSL))
                .isFalse();
        assertThat(WebhookSignature.verifies("whsec-test", BODY, null)).isFalse();
        assertThat(WebhookSignature.verifies("", BODY, OPENSSL))
                .as("an empty secret verifies nothing")
                .isFalse();
    }
}
