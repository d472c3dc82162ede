# Sourced by run.sh and .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer.
# Keeps a JAVA_HOME that is already good enough; otherwise looks at `java` on the PATH and the usual
# install folders, newest first. Fails with a clear message when none is found.

jdk_major_version() {
  # A JDK's release file says it without starting a JVM (a third of a second each time).
  local version=""
  [ -f "$1/release" ] && version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")
  if [ -z "$version" ]; then
    version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1)
  fi
  echo "$version"
}

jdk_is_usable() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(jdk_major_version "$1")" -ge 21 ] 2>/dev/null
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && jdk_is_usable "$JAVA_HOME"; then echo "$JAVA_HOME"; return 0; fi
  if command -v java >/dev/null 2>&1; then
    local from_path
    from_path=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if jdk_is_usable "$from_path"; then echo "$from_path"; return 0; fi
  fi
  local candidate
  for candidate in $(ls -d /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
                       /Library/Java/JavaVirtualMachines/*/Contents/Home 2>/dev/null | sort -rV); do
    if jdk_is_usable "$candidate"; then echo "$candidate"; return 0; fi
  done
  return 1
}

if found_jdk=$(find_jdk); then
  export JAVA_HOME="$found_jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
else
  echo "No JDK 21 or newer found (looked at JAVA_HOME, java on the PATH and /usr/lib/jvm)." >&2
  echo "Install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME." >&2
  return 1 2>/dev/null || exit 1
fi
