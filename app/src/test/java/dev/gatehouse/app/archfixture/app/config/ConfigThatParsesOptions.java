package dev.gatehouse.app.archfixture.app.config;

import picocli.CommandLine.ITypeConverter;

/** Broken on purpose: a configuration type an embedding application would have to take from the terminal's parser. */
public record ConfigThatParsesOptions(String store) implements ITypeConverter<ConfigThatParsesOptions> {

    @Override
    public ConfigThatParsesOptions convert(String text) {
        return new ConfigThatParsesOptions(text);
    }
}
