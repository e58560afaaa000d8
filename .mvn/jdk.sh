# Sourced by ./mvnw, ./genova and .ci/run: finds a JDK >= 25 and exports JAVA_HOME, or explains what
# is missing and exits. Lookup order: $JAVA_HOME (if it is >= 25), then every JDK under /usr/lib/jvm,
# /usr/java, /opt/java and /Library/Java/JavaVirtualMachines (newest first), then `javac` on the PATH.
required_jdk=25

jdk_feature() { # prints the feature release of the JDK at $1, or nothing
  local release="$1/release" v
  [ -x "$1/bin/javac" ] || return 0
  if [ -f "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  else
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  fi
  echo "${v:-}"
}

find_jdk() {
  local candidate v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(jdk_feature "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$required_jdk" ]; then echo "$JAVA_HOME"; return; fi
  fi
  for candidate in $(ls -d /usr/lib/jvm/* /usr/java/* /opt/java/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home 2>/dev/null | sort -rV); do
    v=$(jdk_feature "$candidate")
    if [ -n "$v" ] && [ "$v" -ge "$required_jdk" ]; then echo "$candidate"; return; fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(jdk_feature "$candidate")
    if [ -n "$v" ] && [ "$v" -ge "$required_jdk" ]; then echo "$candidate"; return; fi
  fi
}

found_jdk=$(find_jdk)
if [ -z "$found_jdk" ]; then
  {
    echo "Genova needs a JDK ${required_jdk} or newer, and none was found."
    echo "  Looked at \$JAVA_HOME (${JAVA_HOME:-unset}), /usr/lib/jvm, /usr/java, /opt/java and 'javac' on the PATH."
    echo "  Install one (for example Temurin ${required_jdk}) or point JAVA_HOME at it."
  } >&2
  exit 1
fi
JAVA_HOME=$found_jdk
export JAVA_HOME
