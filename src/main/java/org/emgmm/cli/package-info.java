/**
 * The {@code em-gmm} command line, built with picocli: {@link org.emgmm.cli.Main} and one class per
 * subcommand.
 *
 * <p>Read {@link org.emgmm.cli.Main} first (the subcommands, and how every failure becomes one line on
 * standard error and an exit code), then the package-private command classes in the source, {@code FitCommand} first:
 * {@code fit}, {@code compare}, {@code explore}, {@code generate}, {@code plot}, {@code bench},
 * {@code select}, {@code sample}, and {@code predict}, {@code predict-proba}, {@code score-samples} and
 * {@code score}, which share {@code ModelOnDataCommand}. {@code RunOptions} and {@code EmOptions} declare
 * the options that several commands share; {@code CompareInputs}, the inputs and the comparison that
 * {@code compare} and {@code explore} share.
 *
 * <p>The commands only parse, check and print: the work is in the sibling packages,
 * {@link org.emgmm.em} and the implementations ({@link org.emgmm.Implementations}),
 * {@link org.emgmm.compare}, {@link org.emgmm.selection}, {@link org.emgmm.bench},
 * {@link org.emgmm.plot}, {@link org.emgmm.io} and {@link org.emgmm.data}.
 */
package org.emgmm.cli;
