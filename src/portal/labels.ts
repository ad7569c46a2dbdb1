// The glossary's label for demonstration data, exactly as readers see it everywhere.
export const DEMO_LABEL = '示例数据（非官方）';
