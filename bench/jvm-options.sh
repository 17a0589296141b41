# Blogroll's JVM flags for the benchmarks (sourced by bench/run.sh, memory.sh and startup.sh),
# the same as deploy/Dockerfile's and docs/operations.md's: why each is there is in
# docs/operations.md ("Memory"). Measured with bench/memory.sh.
BLOGROLL_JAVA_OPTS="-Xms160m -Xmx160m -Xmn64m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=32m -XX:TrimNativeHeapInterval=5000"
