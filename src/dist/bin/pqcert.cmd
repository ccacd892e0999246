@echo off
rem Runs pqcert from the unpacked download: lib\pqcert.jar on the java of JAVA_HOME when it is set,
rem else the java on PATH (Java 17 or later). Nothing is built; Maven is not needed.
rem
rem Start-up time: the JVM flags of the checkout's launchers, and an AppCDS archive made once per
rem jar by pqcert train-archive (training runs over lib\training, then a dump) on the first run,
rem which takes some seconds more, and with it a smaller one for check, parse and --version
rem (pqcert-check.jsa beside it). The archive is lib\pqcert.jsa when lib can be written, else
rem LOCALAPPDATA\pqcert\pqcert.jsa; when neither can be written, runs go on without it. It is
rem written under a temporary name and renamed into place; a file beside it, pqcert.jsa.id, holds
rem the size and time of the jar it was made from, so a new jar is trained anew without PowerShell.
rem PQCERT_CDS=0 runs without the archive. (LaunchersTest compares jvm_flags and parse_flags with
rem the other launchers', so keep each on one line.)
setlocal EnableExtensions DisableDelayedExpansion
set "home=%~dp0.."
for %%H in ("%home%") do set "home=%%~fH"
set "jar=%home%\lib\pqcert.jar"
set "training=%home%\lib\training\Contoso.mez"
set "jvm_flags=-Xms8m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData "-Xlog:cds*=off""
rem A parse batch allocates far more than it keeps: a larger first heap spares it most collections.
set "parse_flags=-Xms64m"
set "run_flags=%jvm_flags%"
if "%~1"=="parse" set "run_flags=%jvm_flags% %parse_flags%"
rem Every run maps and relocates its whole archive first: check, parse and --version take the
rem smaller check archive (pqcert-check.jsa beside the other, made with it), unless an argument
rem asks for another report format or a baseline, or comes from a file. The command line is
rem searched with delayed expansion, which quotes in it cannot break; only a word leaves the search.
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

set "java=java"
if not defined JAVA_HOME goto check_path_java
set "java=%JAVA_HOME:"=%\bin\java.exe"
if exist "%java%" goto java_found
>&2 echo pqcert: JAVA_HOME is "%JAVA_HOME:"=%", which has no bin\java.exe; point it at Java 17 or later, or unset it to use the java on PATH
exit /b 2
:check_path_java
where java >nul 2>&1 && goto java_found
>&2 echo pqcert: no java on PATH; install Java 17 or later, or set JAVA_HOME
exit /b 2
:java_found
if exist "%jar%" goto jar_found
>&2 echo pqcert: "%jar%" is missing; unpack the download again
exit /b 2
:jar_found

if "%PQCERT_CDS%"=="0" goto run
for %%F in ("%jar%") do set "jar_id=%%~zF %%~tF"
set "archive=%home%\lib\pqcert.jsa"
call :is_current && goto use_archive
call :train
if errorlevel 2 goto run
if not errorlevel 1 goto use_archive
rem lib cannot be written: the user's cache folder.
if not defined LOCALAPPDATA goto run
set "archive=%LOCALAPPDATA%\pqcert\pqcert.jsa"
call :is_current && goto use_archive
if not exist "%LOCALAPPDATA%\pqcert\" mkdir "%LOCALAPPDATA%\pqcert" >nul 2>&1
call :train
if errorlevel 1 goto run

:use_archive
if "%kind%"=="check" if exist "%archive:~0,-4%-check.jsa" set "archive=%archive:~0,-4%-check.jsa"
"%java%" %run_flags% "-XX:SharedArchiveFile=%archive%" -jar "%jar%" %*
exit /b %errorlevel%

:run
"%java%" %run_flags% -jar "%jar%" %*
exit /b %errorlevel%

rem Succeeds when the archive was made from this jar.
:is_current
if not exist "%archive%" exit /b 1
call :holds_jar_id "%archive%.id"
exit /b

rem Succeeds when the file holds this jar's id.
:holds_jar_id
if not exist "%~1" exit /b 1
set "mark="
set /p mark=<"%~1"
if "%mark%"=="%jar_id%" exit /b 0
exit /b 1

rem Makes the archive: exit code 0 when made, 1 when its folder cannot be written, 2 when this
rem JVM cannot make one for this jar (then a .failed marker with the jar's id says so to later runs).
:train
call :holds_jar_id "%archive%.failed" && exit /b 2
if not exist "%training%" exit /b 2
rem cmd has no process id: RANDOM and the clock's hundredths stand in for it. Creating the
rem file first tells whether the folder can be written.
set "partial=%archive%.%RANDOM%%TIME:~-2%.partial"
set "check_archive=%archive:~0,-4%-check.jsa"
set "check_partial=%archive:~0,-4%-check.jsa.%RANDOM%%TIME:~-2%.partial"
(type nul > "%partial%") 2>nul || exit /b 1
"%java%" %jvm_flags% -jar "%jar%" train-archive --check-archive "%check_partial%" "%partial%" "%training%" "%home%\lib\training\Contoso" "%home%\lib\training\Woodgrove.mez" >nul 2>&1 || goto train_failed
if not exist "%partial%" goto train_failed
for %%A in ("%partial%") do if %%~zA EQU 0 goto train_failed
if not exist "%check_partial%" goto train_failed
for %%A in ("%check_partial%") do if %%~zA EQU 0 goto train_failed
rem A running pqcert holds the old archive open, and Windows then refuses to replace it: this
rem run goes without, and a later one trains again.
move /y "%check_partial%" "%check_archive%" >nul 2>&1 || goto train_not_placed
move /y "%partial%" "%archive%" >nul 2>&1 || goto train_not_placed
(> "%archive%.id" echo(%jar_id%) 2>nul
exit /b 0
:train_failed
(> "%archive%.failed" echo(%jar_id%) 2>nul
:train_not_placed
del /f /q "%partial%" "%check_partial%" >nul 2>&1
exit /b 2
