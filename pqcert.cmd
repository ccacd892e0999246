@echo off
rem Runs pqcert from this checkout on Windows, as ./pqcert does elsewhere: builds target\pqcert.jar
rem first when it is missing or older than the sources, then runs it with the same JVM flags and
rem the same class-data (AppCDS) archives, target\pqcert.jsa and the smaller
rem target\pqcert-check.jsa for check, parse and --version, made once per build of the jar by
rem pqcert train-archive (training runs over the samples, then a dump). Needs Java 17 and Maven on PATH; PowerShell,
rem part of Windows, compares the file times. PQCERT_CDS=0 runs without the archive.
rem Keep the jvm_flags and parse_flags lines in step with ./pqcert: LaunchersTest compares them.
setlocal EnableExtensions DisableDelayedExpansion
set "here=%~dp0"
set "here=%here:~0,-1%"
set "jar=%here%\target\pqcert.jar"
set "archive=%here%\target\pqcert.jsa"
set "check_archive=%here%\target\pqcert-check.jsa"
set "failed=%archive%.failed"
set "training=%here%\samples\good\Contoso.mez"
set "jvm_flags=-Xms8m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData "-Xlog:cds*=off""
rem A parse batch allocates far more than it keeps: a larger first heap spares it most collections.
set "parse_flags=-Xms64m"
set "run_flags=%jvm_flags%"
if "%~1"=="parse" set "run_flags=%jvm_flags% %parse_flags%"
rem Every run maps and relocates its whole archive first: check, parse and --version take the
rem smaller check archive, unless an argument asks for another report format or a baseline, or
rem comes from a file. The command line is searched with delayed expansion, which quotes in it
rem cannot break; only a word leaves the search.
set "kind=full"
for %%C in (check parse --version -V) do if "%~1"=="%%C" set "kind=check"
set "args=%*"
if not defined args goto kind_known
setlocal EnableDelayedExpansion
set "other="
if not "!args:--format=!"=="!args!" set "other=1"
if not "!args:--baseline=!"=="!args!" set "other=1"
if not "!args:--write-baseline=!"=="!args!" set "other=1"
if not "!args:@=!"=="!args!" set "other=1"
endlocal & if "%other%"=="1" set "kind=full"
:kind_known

if not exist "%jar%" goto build
rem One PowerShell start answers all the time questions. Its exit code:
rem   10  a file of src\main, grammar, rules or pom.xml is newer than the jar: build;
rem    0  the archive is at least as new as the jar: use it;
rem   12  the .failed marker is at least as new as the jar: this JVM cannot make the archive;
rem   11  otherwise: make the archive.
rem The checkout's folder reaches PowerShell through the environment, so no quoting can break.
set "PQCERT_CHECKOUT=%here%"
set "ps=$h = $env:PQCERT_CHECKOUT; $built = (Get-Item -LiteralPath (Join-Path $h 'target\pqcert.jar')).LastWriteTimeUtc;"
set "ps=%ps% $inputs = 'src\main', 'grammar', 'rules', 'pom.xml' | ForEach-Object { Join-Path $h $_ };"
set "ps=%ps% $newer = (@(Get-Item -LiteralPath $inputs -Force -ErrorAction SilentlyContinue) + @(Get-ChildItem -LiteralPath $inputs -Recurse -Force -ErrorAction SilentlyContinue)) | Where-Object { $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1;"
set "ps=%ps% if ($newer) { exit 10 };"
set "ps=%ps% function Current($path) { (Test-Path -LiteralPath $path -PathType Leaf) -and ((Get-Item -LiteralPath $path).LastWriteTimeUtc -ge $built) };"
set "ps=%ps% if (Current (Join-Path $h 'target\pqcert.jsa')) { exit 0 }; if (Current (Join-Path $h 'target\pqcert.jsa.failed')) { exit 12 }; exit 11"
powershell -NoLogo -NoProfile -NonInteractive -Command "%ps%"
set "state=%errorlevel%"
if "%state%"=="10" goto build
rem Any other answer (PowerShell missing, say) runs the jar that is there, without the archive.
goto cds

:build
>&2 echo pqcert: building "%jar%" ...
pushd "%here%"
rem mvn is mvn.cmd: without call, this script would end with it.
call mvn -B -q -Dstyle.color=never -DskipTests package 1>&2
set "built=%errorlevel%"
popd
if not "%built%"=="0" exit /b %built%
rem The new jar is newer than any archive or marker.
set "state=11"

:cds
if "%PQCERT_CDS%"=="0" goto run
if "%state%"=="0" goto use_archive
if not "%state%"=="11" goto run
if not exist "%training%" goto run
rem The archive is written under a name of its own and renamed into place, so concurrent or
rem interrupted runs never leave a partial archive. cmd has no process id: RANDOM and the
rem clock's hundredths stand in for it. Creating the file first tells whether target is writable.
set "partial=%archive%.%RANDOM%%TIME:~-2%.partial"
set "check_partial=%check_archive%.%RANDOM%%TIME:~-2%.partial"
(type nul > "%partial%") 2>nul || goto run
java %jvm_flags% -jar "%jar%" train-archive --check-archive "%check_partial%" "%partial%" "%training%" "%here%\samples\good\Contoso" "%here%\samples\bad\Woodgrove.mez" >nul 2>&1 || goto training_failed
if not exist "%partial%" goto training_failed
for %%A in ("%partial%") do if %%~zA EQU 0 goto training_failed
if not exist "%check_partial%" goto training_failed
for %%A in ("%check_partial%") do if %%~zA EQU 0 goto training_failed
rem A running pqcert holds the old archive open, and Windows then refuses to replace it:
rem this run goes without, and a later one trains again.
move /y "%check_partial%" "%check_archive%" >nul 2>&1 || goto training_done
move /y "%partial%" "%archive%" >nul 2>&1 || goto training_done
del /f /q "%partial%" "%check_partial%" >nul 2>&1
goto use_archive
:training_failed
rem This JVM cannot create the archive: do not try again until a new build.
(type nul > "%failed%") 2>nul
:training_done
del /f /q "%partial%" "%check_partial%" >nul 2>&1
goto run

:use_archive
if "%kind%"=="check" if exist "%check_archive%" set "archive=%check_archive%"
java %run_flags% "-XX:SharedArchiveFile=%archive%" -jar "%jar%" %*
exit /b %errorlevel%

:run
java %run_flags% -jar "%jar%" %*
exit /b %errorlevel%
