package org.kpledger.api.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Decimals read back as the signer wrote them: carats and US$ keep their scale ({@code 800.00}
 * stays {@code 800.00}, not {@code 8E+2}; {@code 3.30} stays {@code 3.30}, not {@code 3.3}) on
 * every read endpoint. Jackson by default strips trailing zeros when it turns a payload into a tree
 * (the history's events) and writes such a number in exponent form.
 */
@Configuration
class DecimalJsonConfiguration {
  @Bean
  Jackson2ObjectMapperBuilderCustomizer decimalsAsSigned() {
    return builder ->
        builder
            .featuresToEnable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .postConfigurer(
                mapper ->
                    mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false));
  }
}
