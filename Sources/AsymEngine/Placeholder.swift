public enum AsymEnginePlaceholder {}
