/**
 * What the deep learners share for their checkpoints: {@link dev.bellman.deep.checkpoint.ConfigurationCheck}
 * checks that a checkpoint is loaded into a learner built with the settings that wrote it.
 */
package dev.bellman.deep.checkpoint;
