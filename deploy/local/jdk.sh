# shellcheck shell=bash
# newest_jdk_home: the newest JDK (with javac) under /usr/lib/jvm, found by its version rather than by a
# hard-coded folder name (DESIGN.md §9). Prints nothing when there is none. Sourced by the launcher and lib.sh.
newest_jdk_home() {
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*/; do
    [[ -x "${dir}bin/java" && -x "${dir}bin/javac" ]] || continue
    major="$("${dir}bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"
    if [[ -n "${major}" ]] && (( major > best_major )); then best_major="${major}"; best="${dir%/}"; fi
  done
  [[ -n "${best}" ]] && printf '%s\n' "${best}"
  return 0
}

# owned_pid_alive PID MARK: true when PID runs and its command line contains MARK, so that a pid file
# left over from a reboot never makes us signal an unrelated process that got the same pid.
owned_pid_alive() {
  [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"
}
