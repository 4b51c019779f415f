// Command pulumi-language-nodejs is a small Node.js language host for the Pulumi engine.
//
// tools/install-pulumi.sh builds Pulumi's own language host when the Go module proxy serves
// github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 at the pinned release. Some proxies
// do not (the module has no release tags, so only a pseudo-version names it); then this host is built
// instead, from the same sdk/v3 release, so that `pulumi up` still runs the real engine.
//
// It implements what the engine needs to run a Node.js program: Run launches
// @pulumi/pulumi/cmd/run from the program's node_modules with the arguments and environment that
// the SDK reads. RunPlugin launches a Node.js plugin (a folder with a PulumiPlugin.yaml of runtime
// nodejs, such as this package's component provider, which Pulumi YAML programs use) through
// @pulumi/pulumi/cmd/run-plugin, found from the plugin's own folder. Plugin discovery answers
// "none": dynamic providers are found on PATH, and the engine falls back to older behaviour for
// every method left unimplemented.
//
// The engine starts its plugins in process groups of their own, so a `kill -9` of the `pulumi` CLI
// does not reach them. This host therefore ends by itself, and ends the Node.js program it runs,
// once the engine that started it is gone (see exitWhenOrphaned).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

// version is set with -ldflags to the Pulumi release this host was built against.
var version = "3.0.0-dev"

const (
	// How often the host looks whether the engine that started it is still there.
	parentPollInterval = 200 * time.Millisecond
	// How long a program is given to exit after SIGTERM, once the engine is gone, before SIGKILL.
	programGracePeriod = 500 * time.Millisecond
)

// programs are the Node.js processes that Run started and that have not exited yet.
var programs = struct {
	sync.Mutex
	running map[*os.Process]struct{}
	ending  bool
}{running: map[*os.Process]struct{}{}}

type languageHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
}

func main() {
	flag.String("tracing", "", "ignored: accepted for compatibility with the engine")
	flag.String("root", "", "ignored: accepted for compatibility with the engine")
	// Older engines, such as the one inside the YAML language host that starts a plugin to read
	// its schema, pass the runtime options of a PulumiPlugin.yaml as flags; they also come in each
	// request's program info, which is where this host reads them.
	flag.String("runtime", "nodejs", "ignored: accepted for compatibility with the engine")
	flag.Bool("typescript", true, "ignored: read from the request's program info")
	flag.String("tsconfig", "", "ignored: read from the request's program info")
	flag.String("nodeargs", "", "ignored: read from the request's program info")
	flag.String("packagemanager", "", "ignored: read from the request's program info")
	flag.Parse()

	engine := os.Getppid()
	host := &languageHost{}
	if flag.NArg() > 0 {
		host.engineAddress = flag.Arg(flag.NArg() - 1)
	}

	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintf(os.Stderr, "language host: %v\n", err)
		os.Exit(1)
	}
	server := grpc.NewServer(grpc.MaxRecvMsgSize(400 * 1024 * 1024))
	pulumirpc.RegisterLanguageRuntimeServer(server, host)

	// The engine reads the port from our first line of output.
	fmt.Printf("%d\n", listener.Addr().(*net.TCPAddr).Port)
	if engine > 1 {
		go exitWhenOrphaned(engine)
	}
	if err := server.Serve(listener); err != nil {
		fmt.Fprintf(os.Stderr, "language host: %v\n", err)
		os.Exit(1)
	}
}

// exitWhenOrphaned ends the programs this host runs, and then the host, once the process that
// started it (the engine, in the `pulumi` CLI) is gone: a process whose parent exits is given
// another one (init, or the nearest subreaper), so its parent process ID changes. Nothing is
// written on the way out: the engine held the other end of stdout and stderr, and in Go a write to
// a broken stdout or stderr pipe ends the process before the programs are ended.
func exitWhenOrphaned(engine int) {
	ticker := time.NewTicker(parentPollInterval)
	defer ticker.Stop()
	for range ticker.C {
		if os.Getppid() != engine {
			endPrograms()
			os.Exit(1)
		}
	}
}

// endPrograms sends SIGTERM to every running program, gives them programGracePeriod to exit, then
// kills those left. No program is started afterwards.
func endPrograms() {
	programs.Lock()
	programs.ending = true
	running := make([]*os.Process, 0, len(programs.running))
	for process := range programs.running {
		running = append(running, process)
	}
	programs.Unlock()

	for _, process := range running {
		_ = process.Signal(syscall.SIGTERM)
	}
	for deadline := time.Now().Add(programGracePeriod); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		programs.Lock()
		left := len(programs.running)
		programs.Unlock()
		if left == 0 {
			return
		}
	}
	for _, process := range running {
		_ = process.Kill()
	}
}

// track records a started program or plugin; it reports false, after killing the process, when
// the host is already ending.
func track(process *os.Process) bool {
	programs.Lock()
	defer programs.Unlock()
	if programs.ending {
		_ = process.Kill()
		return false
	}
	programs.running[process] = struct{}{}
	return true
}

func untrack(process *os.Process) {
	programs.Lock()
	defer programs.Unlock()
	delete(programs.running, process)
}

func (h *languageHost) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	if req.GetEngineAddress() != "" {
		h.engineAddress = req.GetEngineAddress()
	}
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *languageHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

func (h *languageHost) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *languageHost) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *languageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	rootDir := info.GetRootDirectory()
	if rootDir == "" {
		rootDir = req.GetPwd()
	}
	runPath := os.Getenv("PULUMI_LANGUAGE_NODEJS_RUN_PATH")
	if runPath == "" {
		resolved, err := resolveRunScript(req.GetPwd())
		if err != nil {
			return &pulumirpc.RunResponse{Error: err.Error()}, nil
		}
		runPath = resolved
	}

	args := []string{runPath}
	appendFlag := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name, value)
		}
	}
	appendFlag("monitor", req.GetMonitorAddress())
	appendFlag("engine", h.engineAddress)
	appendFlag("organization", req.GetOrganization())
	appendFlag("project", req.GetProject())
	appendFlag("stack", req.GetStack())
	appendFlag("pwd", req.GetPwd())
	appendFlag("root-directory", rootDir)
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	appendFlag("parallel", strconv.Itoa(int(req.GetParallel())))
	program := req.GetProgram()
	if program == "" {
		program = "."
	}
	args = append(args, program)
	args = append(args, req.GetArgs()...)

	// The SDK parses these as an object and a list: never send JSON null.
	configMap := req.GetConfig()
	if configMap == nil {
		configMap = map[string]string{}
	}
	config, err := json.Marshal(configMap)
	if err != nil {
		return nil, err
	}
	secretKeyList := req.GetConfigSecretKeys()
	if secretKeyList == nil {
		secretKeyList = []string{}
	}
	secretKeys, err := json.Marshal(secretKeyList)
	if err != nil {
		return nil, err
	}
	env := append(os.Environ(),
		"PULUMI_CONFIG="+string(config),
		"PULUMI_CONFIG_SECRET_KEYS="+string(secretKeys),
		"PULUMI_NODEJS_TYPESCRIPT="+strconv.FormatBool(typescriptEnabled(info)),
	)
	if tsconfig := stringOption(info, "tsconfig"); tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+tsconfig)
	}

	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = req.GetPwd()
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	if err := runProgram(cmd); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			// The SDK has already reported the program's error through the engine; a non-zero exit
			// code 32 means "already reported", so the engine should not print a second message.
			if exitErr.ExitCode() == 32 {
				return &pulumirpc.RunResponse{Bail: true}, nil
			}
			return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exitErr.ExitCode())}, nil
		}
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not run node: %v", err)}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}

// runProgram is cmd.Run, with the process tracked while it runs so that endPrograms can end it.
// It serves plugins as well as programs.
func runProgram(cmd *exec.Cmd) error {
	if err := cmd.Start(); err != nil {
		return err
	}
	if track(cmd.Process) {
		defer untrack(cmd.Process)
	}
	return cmd.Wait()
}

// resolveRunScript finds @pulumi/pulumi/cmd/run the way Node would from the program directory.
func resolveRunScript(dir string) (string, error) {
	return resolvePulumiModule(dir, "run")
}

// resolvePulumiModule finds @pulumi/pulumi/cmd/<command> by walking up from dir through its
// node_modules folders, as Node's require.resolve does.
func resolvePulumiModule(dir, command string) (string, error) {
	for current := dir; ; current = filepath.Dir(current) {
		candidate := filepath.Join(current, "node_modules", "@pulumi", "pulumi", "cmd", command)
		if _, err := os.Stat(candidate); err == nil {
			return candidate, nil
		}
		if filepath.Dir(current) == current {
			return "", fmt.Errorf("@pulumi/pulumi is not installed in %s or above it: run npm install", dir)
		}
	}
}

func typescriptEnabled(info *pulumirpc.ProgramInfo) bool {
	if info.GetOptions() == nil {
		return true
	}
	if value, ok := info.GetOptions().GetFields()["typescript"]; ok {
		return value.GetBoolValue()
	}
	return true
}

func stringOption(info *pulumirpc.ProgramInfo, name string) string {
	if info.GetOptions() == nil {
		return ""
	}
	return info.GetOptions().GetFields()[name].GetStringValue()
}

// RunPlugin starts a Node.js plugin, such as a component provider, and streams its stdout and
// stderr back to the engine, which reads the plugin's port from the first line of stdout. It
// returns when the plugin exits, or is ended when the engine cancels the call (the engine's end
// of the plugin).
func (h *languageHost) RunPlugin(req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer) error {
	if kind := req.GetKind(); kind != "" && kind != "resource" {
		return fmt.Errorf("this Node.js language host runs resource plugins only, not a %s plugin", kind)
	}
	info := req.GetInfo()
	pluginDir := info.GetProgramDirectory()
	if pluginDir == "" {
		return errors.New("the engine named no plugin directory")
	}
	// Node resolves modules from a file's real path: a plugin in node_modules/<package> that is a
	// link (npm's file: and workspace installs) must get the @pulumi/pulumi that its own code gets,
	// or the SDK that serves the engine would be another copy than the one the plugin set up.
	realDir, err := filepath.EvalSymlinks(pluginDir)
	if err != nil {
		return fmt.Errorf("plugin directory %s: %w", pluginDir, err)
	}
	runPluginPath, err := resolvePulumiModule(realDir, "run-plugin")
	if err != nil {
		return fmt.Errorf("%s: %w", pluginDir, err)
	}

	args := []string{runPluginPath, pluginDir}
	args = append(args, req.GetArgs()...)
	// The engine sends the whole environment the plugin should see.
	env := req.GetEnv()
	if len(env) == 0 {
		env = os.Environ()
	}
	if tsconfig := stringOption(info, "tsconfig"); tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+tsconfig)
	}

	stream := &pluginStream{server: server}
	cmd := exec.CommandContext(server.Context(), "node", args...)
	cmd.Dir = req.GetPwd()
	cmd.Env = env
	cmd.Stdout = stream.writer(func(b []byte) *pulumirpc.RunPluginResponse {
		return &pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stdout{Stdout: b}}
	})
	cmd.Stderr = stream.writer(func(b []byte) *pulumirpc.RunPluginResponse {
		return &pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stderr{Stderr: b}}
	})
	if err := runProgram(cmd); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			return fmt.Errorf("plugin %s exited with code %d", pluginDir, exitErr.ExitCode())
		}
		return fmt.Errorf("could not run node for plugin %s: %w", pluginDir, err)
	}
	return nil
}

// pluginStream sends a plugin's output to the engine. os/exec copies stdout and stderr in two
// goroutines, and a gRPC stream must not be sent on from two goroutines at once.
type pluginStream struct {
	mu     sync.Mutex
	server pulumirpc.LanguageRuntime_RunPluginServer
}

type pluginStreamWriter struct {
	stream  *pluginStream
	message func([]byte) *pulumirpc.RunPluginResponse
}

func (s *pluginStream) writer(message func([]byte) *pulumirpc.RunPluginResponse) io.Writer {
	return &pluginStreamWriter{stream: s, message: message}
}

func (w *pluginStreamWriter) Write(p []byte) (int, error) {
	// The message may be marshalled after Write returns, and the caller reuses p.
	chunk := append([]byte(nil), p...)
	w.stream.mu.Lock()
	defer w.stream.mu.Unlock()
	if err := w.stream.server.Send(w.message(chunk)); err != nil {
		return 0, err
	}
	return len(p), nil
}
