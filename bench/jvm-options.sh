# Blogroll's JVM flags for the benchmarks (sourced by bench/run.sh, memory.sh, startup.sh and
# cds-archive.sh), the same as deploy/Dockerfile's and docs/operations.md's: why each is there is in
# docs/operations.md ("Memory"). Measured with bench/memory.sh. spring.aot.enabled: the production
# jar starts from the bean definitions Spring AOT wrote at build time, when its settings allow
# (dev.blogroll.PreparedStartup; docs/operations.md, "Start-up prepared at build time").
BLOGROLL_JAVA_OPTS="-Xms128m -Xmx128m -Xmn32m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=32m -XX:TrimNativeHeapInterval=1000 -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -Dspring.aot.enabled=true"
# glibc's malloc keeps up to 8 arenas per core otherwise (each grows and keeps its free memory);
# exported, so every JVM a script sourcing this file starts has it
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
