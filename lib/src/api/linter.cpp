#include "snaplint/linter.hpp"

#include <map>
#include <mutex>
#include <vector>

#include "snaplint/config.hpp"
#include "snaplint/engine.hpp"
#include "snaplint/rules/all_rules.hpp"

namespace snaplint {

// Everything a Linter needs, built once; an Engine per distinct set of matching overrides is
// made on first use and kept (the schema inside an Engine is not free to build).
struct Linter::Impl {
  const RuleRegistry& registry = rules::default_registry();
  Config config;
  EffectiveSettings base = EffectiveSettings::defaults(registry);
  std::shared_ptr<const Engine> base_engine;

  struct Variant {
    EffectiveSettings settings;
    std::shared_ptr<const Engine> engine;
  };
  mutable std::mutex mutex;
  mutable std::map<std::vector<bool>, Variant> variants;  // key: which overrides match

  Variant variant_for(std::string_view name) const {
    std::vector<bool> matching;
    bool any = false;
    for (const ConfigOverride& override_entry : config.overrides) {
      matching.push_back(override_entry.matches(name));
      any = any || matching.back();
    }
    if (!any) return {base, base_engine};
    const std::lock_guard<std::mutex> lock(mutex);
    auto it = variants.find(matching);
    if (it == variants.end()) {
      EffectiveSettings settings = base;
      for (std::size_t i = 0; i < matching.size(); ++i) {
        if (matching[i]) settings.apply(registry, config.overrides[i].settings, "override");
      }
      auto engine = std::make_shared<const Engine>(registry, settings.selection);
      it = variants.emplace(std::move(matching), Variant{std::move(settings), std::move(engine)})
               .first;
    }
    return it->second;
  }
};

Linter::Linter(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Linter::~Linter() = default;

Result<Linter> Linter::create(std::string_view config_json) {
  try {
    auto impl = std::make_shared<Impl>();
    if (!config_json.empty()) {
      std::string error;
      std::optional<Config> config = parse_config(config_json, "<config>", impl->registry, &error);
      if (!config) return Result<Linter>::failure(std::move(error));
      impl->config = std::move(*config);
      impl->base.apply(impl->registry, impl->config.settings, "<config>");
    }
    impl->base_engine = std::make_shared<const Engine>(impl->registry, impl->base.selection);
    return Result<Linter>::success(Linter(std::move(impl)));
  } catch (const std::exception& error) {
    return Result<Linter>::failure(std::string("cannot create a linter: ") + error.what());
  } catch (...) {
    return Result<Linter>::failure("cannot create a linter");
  }
}

Report Linter::lint(std::string_view json, std::string_view name) const {
  try {
    const Impl::Variant variant = impl_->variant_for(name);
    auto report = std::make_shared<const FileReport>(variant.engine->lint(json, std::string(name)));
    return Report(std::move(report), variant.settings.fail_on, variant.settings.max_warnings);
  } catch (...) {
    // Only allocation can fail here; Engine::lint catches everything else itself.
    FileReport failed;
    failed.failure = "internal error: out of memory";
    return Report(std::make_shared<const FileReport>(std::move(failed)), Severity::error,
                  std::nullopt);
  }
}

}  // namespace snaplint
