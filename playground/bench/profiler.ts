/**
 * Commit counters fed by React's `<Profiler onRender>` (the page is built against
 * `react-dom/profiling`, so production React still reports commits). `rows` counts row commits by id.
 */
import type { ProfilerOnRenderCallback } from 'react'

export interface Commits {
  byId: Record<string, number>
  rows: Record<string, number>
  durations: Record<string, number[]>
}

export const commits: Commits = { byId: {}, rows: {}, durations: {} }

export function resetCommits() {
  commits.byId = {}
  commits.rows = {}
  commits.durations = {}
}

export const onRender: ProfilerOnRenderCallback = (id, _phase, actualDuration) => {
  if (id.startsWith('row:')) {
    commits.rows[id] = (commits.rows[id] ?? 0) + 1
    return
  }
  commits.byId[id] = (commits.byId[id] ?? 0) + 1
  ;(commits.durations[id] ??= []).push(actualDuration)
}
