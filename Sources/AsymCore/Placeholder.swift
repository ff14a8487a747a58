public enum AsymCorePlaceholder {}
