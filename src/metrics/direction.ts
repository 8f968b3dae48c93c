/** Which way a score points. */
export interface ScoreDirectionOptions {
  /**
   * `true` (the default): a higher score means more likely bad (a probability of default).
   * Set `false` for scorecard points, where a higher score means a better (less risky) applicant.
   */
  readonly higherIsBad?: boolean;
}
