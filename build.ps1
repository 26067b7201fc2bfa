# statmgr for .NET: build, test and publish on Windows (PowerShell 5.1 or 7).
# The same steps as the Makefile's build, test and publish targets, for the win-x64 runtime.
#   .\build.ps1                 build, publish out\publish\win-x64\statmgr.exe (NativeAOT), run the tests
#   .\build.ps1 -SkipTests      build and publish only
#   .\build.ps1 -PublishR2R     publish the ReadyToRun single file out\publish-r2r\win-x64\statmgr.exe
#                               instead (as `make publish-r2r`), and test that one
#   .\build.ps1 -Configuration Debug
# NativeAOT links with Visual Studio's C++ tools (the "Desktop development with C++" workload);
# where they are missing, the ReadyToRun single file is published and tested instead, as `make test`
# does on a Linux host without a native toolchain.
param(
    [string]$Configuration = "Release",
    [string]$Runtime = "win-x64",
    [switch]$SkipTests,
    [switch]$PublishR2R
)

$ErrorActionPreference = "Stop"
$env:DOTNET_CLI_TELEMETRY_OPTOUT = "1"
$env:DOTNET_NOLOGO = "1"
Set-Location -Path $PSScriptRoot

$testProject = "test/statmgr.Tests/statmgr.Tests.csproj"
$nativeDir = "out/publish/$Runtime"
$r2rDir = "out/publish-r2r/$Runtime"

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE"
    }
}

# Why a NativeAOT binary cannot be linked here, or $null: the SDK finds the MSVC linker through
# Visual Studio's vswhere.
function Get-NativeToolchainProblem {
    $vswhere = Join-Path ${env:ProgramFiles(x86)} "Microsoft Visual Studio\Installer\vswhere.exe"
    if (-not (Test-Path $vswhere)) {
        return "no Visual Studio installation (vswhere.exe) for the C++ linker"
    }
    $vs = & $vswhere -latest -prerelease -products * -requires Microsoft.VisualStudio.Component.VC.Tools.x86.x64 -property installationPath
    if (-not $vs) {
        return "Visual Studio has no C++ build tools (the 'Desktop development with C++' workload)"
    }
    return $null
}

Write-Host "== build"
Invoke-Dotnet build statmgr.csproj -c $Configuration --nologo -v q
Invoke-Dotnet build $testProject -c $Configuration --nologo -v q

$problem = if ($PublishR2R) { $null } else { Get-NativeToolchainProblem }
if (-not $PublishR2R -and $null -eq $problem) {
    # A trim or AOT warning is an error here (TreatWarningsAsErrors), as in `make publish`.
    Write-Host "== publish ($Runtime, NativeAOT)"
    Invoke-Dotnet publish statmgr.csproj -c Release -r $Runtime -p:PublishAot=true -o $nativeDir --nologo -v q
    $exe = Join-Path $nativeDir "statmgr.exe"
    $kind = "NativeAOT"
}
else {
    if ($problem) {
        Write-Host "native toolchain missing: $problem; testing the ReadyToRun binary instead"
    }
    # The tests take out\publish's binary when there is one: no older native binary may stay there.
    Remove-Item -Path (Join-Path $nativeDir "statmgr.exe") -ErrorAction SilentlyContinue
    Write-Host "== publish ($Runtime, self-contained ReadyToRun trimmed single file)"
    Invoke-Dotnet publish statmgr.csproj -c Release -r $Runtime --self-contained true `
        -p:PublishSingleFile=true -p:PublishReadyToRun=true -p:PublishTrimmed=true -o $r2rDir --nologo -v q
    $exe = Join-Path $r2rDir "statmgr.exe"
    $kind = "ReadyToRun"
}

$size = (Get-Item $exe).Length
Write-Host ("statmgr binary ({0}): {1} ({2} bytes, {3:N1} MB)" -f $kind, $exe, $size, ($size / 1MB))

# After publishing: the tests in test/statmgr.Tests/Published run the published statmgr.exe, and
# the whole-process tests run against it (STATMGR_EXE) and the rest in-process, as `make test` does.
if (-not $SkipTests) {
    Write-Host "== test"
    Invoke-Dotnet test $testProject -c $Configuration --no-build --nologo --filter "Category!=WholeProcess"
    Write-Host "whole-process tests against: $exe ($kind)"
    $env:STATMGR_EXE = (Resolve-Path $exe).Path
    try {
        Invoke-Dotnet test $testProject -c $Configuration --no-build --nologo `
            --filter "Category=WholeProcess"
    }
    finally {
        Remove-Item Env:STATMGR_EXE
    }
}
