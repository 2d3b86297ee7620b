/**
 * The pieces of the `embedkit` command that other command-line apps (the bench) share: the usage
 * error that exits with code 2 and the progress display of a training run.
 */
export { ProgressDisplay, TrainProgress, describeProgress } from './progress.js';
export { UsageError } from './usage-error.js';
